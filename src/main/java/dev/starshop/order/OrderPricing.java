package dev.starshop.order;

import dev.starshop.catalog.CatalogService;
import dev.starshop.catalog.Product;
import dev.starshop.catalog.ProductKind;
import dev.starshop.money.AcceptedCurrencies;
import dev.starshop.money.Currency;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns what the buyer asked for into priced lines. Prices come from the catalog only; the request
 * names products and quantities, never amounts.
 */
@Singleton
class OrderPricing {

    private final CatalogService catalog;
    private final CurrencyTable currencies;
    private final OrderSettings settings;
    private final AcceptedCurrencies accepted;

    OrderPricing(CatalogService catalog, CurrencyTable currencies, OrderSettings settings, AcceptedCurrencies accepted) {
        this.catalog = catalog;
        this.currencies = currencies;
        this.settings = settings;
        this.accepted = accepted;
    }

    /**
     * The priced lines, in request order, and the catalog's products as read to price them;
     * throws a 4xx problem for anything the shop cannot sell.
     */
    Priced price(OrderRequest request) {
        Currency currency = currencies.require(request.currency());
        if (!accepted.accepts(currency)) {
            throw new ProblemException(ProblemCode.UNSUPPORTED_CURRENCY,
                    "This shop takes Telegram Stars only; card payments in " + currency.code() + " are not set up");
        }
        checkShape(request);
        List<Product> read = catalog.productsBySku(request.items().stream().map(OrderRequest.Item::sku).toList());
        Map<String, Product> products = forSale(request, read);
        List<OrderLine> lines = new ArrayList<>();
        for (OrderRequest.Item item : request.items()) {
            Product product = products.get(item.sku());
            Money unitPrice = product.priceIn(currency.code()).orElseThrow(() -> new ProblemException(
                    ProblemCode.UNSUPPORTED_CURRENCY,
                    "'" + product.sku() + "' is not sold in " + currency.code()));
            lines.add(new OrderLine(lines.size() + 1, product.id(), product.sku(), product.title(),
                    product.kind(), item.quantity(), unitPrice));
        }
        checkSubscription(lines);
        currency.requireWithinLimits(total(lines, currency).amount());
        request.items().forEach(item -> refuseWhenSoldOut(products.get(item.sku()), item.quantity()));
        return new Priced(lines, read);
    }

    /**
     * @param lines    the order's lines
     * @param products the catalog's products for those lines, in the order the catalog answered
     *                 (what the invoice takes its photo from, so it need not read them again)
     */
    record Priced(List<OrderLine> lines, List<Product> products) {
    }

    /**
     * A product the catalog read just now shows without enough stock is refused here (after every check
     * of the request itself, so a malformed order is told what is wrong with it first), before the
     * order's write transaction: in a flash sale the thousands who come after the last unit get their
     * 409 from this read instead of queueing for a pooled connection and the product's row lock (a
     * rolled-back reservation each). Only ever a refusal: the reservation inside the transaction stays
     * the check that counts, so a unit sold meanwhile is still never sold twice.
     */
    private static void refuseWhenSoldOut(Product product, int quantity) {
        Integer available = product.stockAvailable();
        if (available != null && available < quantity) {
            throw StockReservation.outOfStock(product.sku(), quantity, available);
        }
    }

    static Money total(List<OrderLine> lines, Currency currency) {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money.zero(currency), Money::plus);
    }

    private void checkShape(OrderRequest request) {
        if (request.items().size() > settings.maxLines()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST,
                    "An order holds at most " + settings.maxLines() + " different products");
        }
        Set<String> skus = new HashSet<>();
        for (OrderRequest.Item item : request.items()) {
            if (item.quantity() < 1 || item.quantity() > settings.maxQuantity()) {
                throw new ProblemException(ProblemCode.INVALID_QUANTITY, "Quantity of '" + item.sku()
                        + "' must be between 1 and " + settings.maxQuantity() + ", not " + item.quantity());
            }
            if (!skus.add(item.sku())) {
                throw new ProblemException(ProblemCode.INVALID_REQUEST,
                        "'" + item.sku() + "' appears twice; send one item with the total quantity");
            }
        }
    }

    private static Map<String, Product> forSale(OrderRequest request, List<Product> read) {
        List<String> skus = request.items().stream().map(OrderRequest.Item::sku).toList();
        Map<String, Product> forSale = read.stream()
                .filter(Product::active)
                .collect(Collectors.toMap(Product::sku, Function.identity()));
        List<String> unknown = skus.stream().filter(sku -> !forSale.containsKey(sku)).toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemCode.UNKNOWN_SKU, "Not for sale: " + String.join(", ", unknown));
        }
        return forSale;
    }

    /** Telegram bills a subscription as a single-price Stars invoice: it is bought on its own. */
    private static void checkSubscription(List<OrderLine> lines) {
        boolean hasSubscription = lines.stream().anyMatch(line -> line.kind() == ProductKind.SUBSCRIPTION);
        if (hasSubscription && (lines.size() > 1 || lines.get(0).quantity() != 1)) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST,
                    "A subscription is bought on its own, quantity 1");
        }
    }
}

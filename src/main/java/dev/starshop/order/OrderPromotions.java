package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.catalog.CatalogService;
import dev.starshop.catalog.ProductKind;
import dev.starshop.promo.Discount;
import dev.starshop.promo.PricedLine;
import dev.starshop.promo.PromoCodes;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The order's side of promo codes: what a code takes off an order, its use reserved and given back. */
@Singleton
class OrderPromotions {

    private final PromoCodes codes;
    private final CatalogService catalog;

    OrderPromotions(PromoCodes codes, CatalogService catalog) {
        this.codes = codes;
        this.catalog = catalog;
    }

    /** Empty without a code; a code that does not apply throws its 422 problem and the order is not written. */
    Optional<Discount> discountFor(OrderRequest request, Buyer buyer, List<OrderLine> lines, Instant now) {
        if (!request.hasPromoCode()) {
            return Optional.empty();
        }
        List<PricedLine> priced = pricedLines(lines);
        boolean subscription = lines.stream().anyMatch(line -> line.kind() == ProductKind.SUBSCRIPTION);
        return Optional.of(codes.reserve(request.promoCode(), buyer.telegramUserId(), priced,
                lines.get(0).unitPrice().currency(), subscription, now));
    }

    /** The lines with their products' categories as the catalog has them now (a category scope matches on them). */
    private List<PricedLine> pricedLines(List<OrderLine> lines) {
        Map<String, String> categories = new HashMap<>();
        catalog.productsBySku(lines.stream().map(OrderLine::sku).toList()).stream()
                .filter(product -> product.category() != null)
                .forEach(product -> categories.put(product.sku(), product.category()));
        return lines.stream()
                .map(line -> new PricedLine(line.sku(), categories.get(line.sku()), line.lineTotal()))
                .toList();
    }

    void recordUse(Order order, Discount discount, Instant now) {
        codes.recordUse(order.id(), discount, order.buyerId(), now);
    }

    void release(Order order, Instant now) {
        codes.release(order.id(), now);
    }
}

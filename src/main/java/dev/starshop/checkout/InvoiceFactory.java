package dev.starshop.checkout;

import dev.starshop.catalog.CatalogService;
import dev.starshop.catalog.Product;
import dev.starshop.catalog.ProductKind;
import dev.starshop.order.Order;
import dev.starshop.order.OrderLine;
import dev.starshop.telegram.botapi.CreateInvoiceLink;
import dev.starshop.telegram.botapi.LabeledPrice;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the invoice Telegram shows for an order. The payload is the order id and nothing else:
 * it travels through Telegram and the payment provider, so it must not carry personal data.
 */
@Singleton
class InvoiceFactory {

    static final int TITLE_MAX = 32;
    static final int DESCRIPTION_MAX = 255;
    static final int LABEL_MAX = 64;

    private final CatalogService catalog;
    private final CheckoutSettings settings;
    private final PaymentProvider provider;
    private final String publicUrl;

    InvoiceFactory(CatalogService catalog, CheckoutSettings settings, PaymentProvider provider,
                   @Nullable @Value("${starshop.public-url:}") String publicUrl) {
        this.catalog = catalog;
        this.settings = settings;
        this.provider = provider;
        this.publicUrl = publicUrl;
    }

    /**
     * The invoice for an order; its photo comes from {@code products} (the catalog's products as just
     * read for this order) when they cover its lines, otherwise from the catalog read again.
     */
    CreateInvoiceLink invoiceFor(Order order, List<Product> products) {
        String payload = InvoicePayload.of(order.id());
        CreateInvoiceLink invoice = order.total().currency().isStars()
                ? stars(order, payload)
                : card(order, payload);
        return invoice.withPhoto(photoOf(order, products));
    }

    /** Stars: one price for the whole order; a subscription bills every 30 days. */
    private CreateInvoiceLink stars(Order order, String payload) {
        CreateInvoiceLink invoice = CreateInvoiceLink.stars(title(order), description(order), payload,
                new LabeledPrice(title(order), order.total().amount()));
        return isSubscription(order) ? invoice.withSubscriptionPeriod(CreateInvoiceLink.THIRTY_DAYS) : invoice;
    }

    /**
     * Cards: one price per line and, with a promo code, a negative discount line (Telegram sums
     * the breakdown, so the total is what the order costs); tips and contact fields from the shop,
     * shipping for physical goods.
     */
    private CreateInvoiceLink card(Order order, String payload) {
        List<LabeledPrice> prices = new ArrayList<>(order.lines().stream()
                .map(line -> new LabeledPrice(label(line), line.lineTotal().amount())).toList());
        if (order.discount().isPositive()) {
            prices.add(new LabeledPrice(truncate("Discount (" + order.promoCode() + ")", LABEL_MAX),
                    -order.discount().amount()));
        }
        String providerToken = provider.token().orElse("");
        CreateInvoiceLink plain = CreateInvoiceLink.card(title(order), description(order), payload, providerToken,
                        order.total().currency().code(), prices)
                .withContactFields(settings.needName(), settings.needPhoneNumber(), settings.needEmail());
        CreateInvoiceLink withTips = settings.tips(order.total().currency().code())
                .map(tips -> plain.withTips(tips.maxAmount(), tips.suggested()))
                .orElse(plain);
        boolean physical = order.lines().stream().anyMatch(line -> line.kind() == ProductKind.PHYSICAL);
        return physical ? withTips.withShipping(true, true) : withTips;
    }

    private static boolean isSubscription(Order order) {
        return order.lines().stream().anyMatch(line -> line.kind() == ProductKind.SUBSCRIPTION);
    }

    /** The first product's title, or "Title +2" for more; Telegram allows 32 characters. */
    static String title(Order order) {
        String first = order.lines().get(0).title();
        String more = order.lines().size() > 1 ? " +" + (order.lines().size() - 1) : "";
        return truncate(first, TITLE_MAX - more.length()) + more;
    }

    static String description(Order order) {
        String text = order.lines().stream().map(InvoiceFactory::label).collect(Collectors.joining(", "));
        return truncate(text, DESCRIPTION_MAX);
    }

    private static String label(OrderLine line) {
        return line.quantity() == 1 ? line.title() : line.quantity() + " × " + line.title();
    }

    private String photoOf(Order order, List<Product> read) {
        List<String> skus = order.lines().stream().map(OrderLine::sku).toList();
        boolean covered = skus.stream().allMatch(sku -> read.stream().anyMatch(product -> product.sku().equals(sku)));
        List<Product> products = covered ? read : catalog.productsBySku(skus);
        return products.stream().map(product -> product.invoicePhotoUrl(publicUrl))
                .flatMap(Optional::stream).findFirst().orElse(null);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

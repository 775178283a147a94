package dev.starshop.catalog;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import dev.starshop.catalog.ProductInput.PriceInput;

/**
 * A small shop to play with: seeded into an empty catalog when the engine runs without a real bot
 * (the sandbox), unless {@code starshop.catalog.seed-demo} is false. Its pictures are SVG
 * illustrations drawn for this project, served from {@code webapp/app/img/}.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
@Requires(property = "starshop.catalog.seed-demo", notEquals = "false")
class DemoCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);

    static final List<CategoryInput> CATEGORIES = List.of(
            new CategoryInput("digital", "Digital", 1),
            new CategoryInput("merch", "Merch", 2),
            new CategoryInput("club", "Club", 3));

    static final List<ProductInput> PRODUCTS = List.of(
            product("theme-midnight", "Midnight chat theme", "A dark, calm theme for your chats.",
                    ProductKind.DIGITAL, null, 50, 149, "digital"),
            product("stickers-cats", "Cat sticker pack", "Twenty-four hand-drawn cats for every mood.",
                    ProductKind.DIGITAL, null, 25, 100, "digital"),
            product("ai-credits-100", "100 AI image credits", "Generate one hundred images in the bot.",
                    ProductKind.DIGITAL, null, 75, 249, "digital"),
            product("ebook-payments", "Telegram payments e-book", "Selling in Telegram, from Stars to cards.",
                    ProductKind.DIGITAL, null, 150, 499, "digital"),
            product("mug-star", "Starshop mug", "A white ceramic mug with a gold star. Shipped worldwide.",
                    ProductKind.PHYSICAL, 25, 400, 1200, "merch"),
            new ProductInput("club-monthly", "Starshop Club (monthly)",
                    "Members-only drops and early access, renewed every 30 days.", picture("club-monthly"),
                    ProductKind.SUBSCRIPTION, true, null, List.of(new PriceInput("XTR", 100)), null, "club"),
            // One product per delivery kind, so a newcomer sees delivery in the sandbox's chat.
            delivered("key-starfighter", "Starfighter game key", "A Steam-style key, one per copy, sent at once.",
                    30, new Delivery(DeliveryKind.CODES, "Your Starfighter key: {code}", false)),
            delivered("guide-pdf", "Shop owner's guide (PDF)", "A short PDF guide, sent to your chat as a file.",
                    20, new Delivery(DeliveryKind.FILE, "Here is your guide, {buyerName}.", true)),
            delivered("course-link", "Stars masterclass", "A private video course: the link arrives in the chat.",
                    40, new Delivery(DeliveryKind.TEXT,
                            "Welcome, {buyerName}! Your course: https://example.org/masterclass/{orderId}", true)));

    /** The demo products a {@link DemoCatalogSeeded} listener fills (codes, a file). */
    static final String CODES_SKU = "key-starfighter";
    static final String FILE_SKU = "guide-pdf";

    private final CatalogService catalog;
    private final Categories categories;
    private final ApplicationEventPublisher<DemoCatalogSeeded> events;

    DemoCatalog(CatalogService catalog, Categories categories, ApplicationEventPublisher<DemoCatalogSeeded> events) {
        this.catalog = catalog;
        this.categories = categories;
        this.events = events;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (catalog.isEmpty()) {
            CATEGORIES.stream().filter(c -> categories.all().stream().noneMatch(k -> k.slug().equals(c.slug())))
                    .forEach(categories::create);
            PRODUCTS.forEach(catalog::create);
            LOG.info("Seeded the demo catalog ({} products)", PRODUCTS.size());
            events.publishEvent(new DemoCatalogSeeded(CODES_SKU, FILE_SKU));
        }
    }

    private static ProductInput delivered(String sku, String title, String description, long stars,
                                          Delivery delivery) {
        return new ProductInput(sku, title, description, picture(sku), ProductKind.DIGITAL, true, null,
                List.of(new PriceInput("XTR", stars), new PriceInput("USD", stars * 3)), delivery, "digital");
    }

    private static ProductInput product(String sku, String title, String description, ProductKind kind,
                                        Integer stock, long stars, long usdCents, String category) {
        return new ProductInput(sku, title, description, picture(sku), kind, true, stock,
                List.of(new PriceInput("XTR", stars), new PriceInput("USD", usdCents)), null, category);
    }

    private static String picture(String sku) {
        return "/app/img/" + sku + ".svg";
    }
}

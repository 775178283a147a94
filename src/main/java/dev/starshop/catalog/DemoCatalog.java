package dev.starshop.catalog;

import io.micronaut.context.annotation.Requires;
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
                    ProductKind.SUBSCRIPTION, true, null, List.of(new PriceInput("XTR", 100)), null, "club"));

    private final CatalogService catalog;
    private final Categories categories;

    DemoCatalog(CatalogService catalog, Categories categories) {
        this.catalog = catalog;
        this.categories = categories;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (catalog.isEmpty()) {
            CATEGORIES.stream().filter(c -> categories.all().stream().noneMatch(k -> k.slug().equals(c.slug())))
                    .forEach(categories::create);
            PRODUCTS.forEach(catalog::create);
            LOG.info("Seeded the demo catalog ({} products)", PRODUCTS.size());
        }
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

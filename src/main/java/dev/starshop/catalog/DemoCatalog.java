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
 * (the sandbox), unless {@code starshop.catalog.seed-demo} is false.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
@Requires(property = "starshop.catalog.seed-demo", notEquals = "false")
class DemoCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);

    static final List<ProductInput> PRODUCTS = List.of(
            product("theme-midnight", "Midnight chat theme", "A dark, calm theme for your chats.",
                    ProductKind.DIGITAL, null, 50, 149),
            product("stickers-cats", "Cat sticker pack", "Twenty-four hand-drawn cats for every mood.",
                    ProductKind.DIGITAL, null, 25, 100),
            product("ai-credits-100", "100 AI image credits", "Generate one hundred images in the bot.",
                    ProductKind.DIGITAL, null, 75, 249),
            product("ebook-payments", "Telegram payments e-book", "Selling in Telegram, from Stars to cards.",
                    ProductKind.DIGITAL, null, 150, 499),
            product("mug-star", "Starshop mug", "A white ceramic mug with a gold star. Shipped worldwide.",
                    ProductKind.PHYSICAL, 25, 400, 1200),
            new ProductInput("club-monthly", "Starshop Club (monthly)",
                    "Members-only drops and early access, renewed every 30 days.", null,
                    ProductKind.SUBSCRIPTION, true, null, List.of(new PriceInput("XTR", 100)), null));

    private final CatalogService catalog;

    DemoCatalog(CatalogService catalog) {
        this.catalog = catalog;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (catalog.isEmpty()) {
            PRODUCTS.forEach(catalog::create);
            LOG.info("Seeded the demo catalog ({} products)", PRODUCTS.size());
        }
    }

    private static ProductInput product(String sku, String title, String description, ProductKind kind,
                                        Integer stock, long stars, long usdCents) {
        return new ProductInput(sku, title, description, null, kind, true, stock,
                List.of(new PriceInput("XTR", stars), new PriceInput("USD", usdCents)), null);
    }
}

package dev.starshop.backoffice.links;

import dev.starshop.catalog.CatalogService;
import dev.starshop.catalog.Product;
import dev.starshop.order.Attribution;
import dev.starshop.platform.admin.AdminOnly;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A product's Mini App link for the console: {@code https://t.me/<bot>/<app>?startapp=p_<sku>[__s_<source>]
 * [__m_<campaign>]} and its QR code. The start parameter is checked with the same grammar the
 * engine applies when an order is placed ({@link Attribution}), so a link it shows always works.
 */
@Controller("/api/admin/products/{sku}/link")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductLinkController {

    private final CatalogService catalog;
    private final LinkSettings settings;

    ProductLinkController(CatalogService catalog, LinkSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @Get
    ProductLink link(String sku, @Nullable @QueryValue String source, @Nullable @QueryValue String campaign) {
        Product product = catalog.product(sku);
        String startParam = "p_" + product.sku() + part("s", source) + part("m", campaign);
        Attribution.parse(startParam); // 422 invalid-start-param: a SKU or source a link cannot carry
        if (settings.botUsername() == null || settings.botUsername().isBlank()) {
            return new ProductLink(startParam, null, null,
                    "Set starshop.links.bot-username (and starshop.links.app-short-name) to show the link");
        }
        String url = "https://t.me/" + settings.botUsername().replaceFirst("^@", "") + "/" + settings.appShortName()
                + "?startapp=" + URLEncoder.encode(startParam, StandardCharsets.UTF_8);
        return new ProductLink(startParam, url, QrCodes.svg(url), null);
    }

    private static String part(String key, @Nullable String value) {
        return value == null || value.isBlank() ? "" : "__" + key + "_" + value.strip();
    }

    /** @param qrSvg the URL as a QR code, an SVG document; null with {@code missing} when unconfigured */
    @Serdeable
    record ProductLink(String startParam, @Nullable String url, @Nullable String qrSvg, @Nullable String missing) {
    }
}

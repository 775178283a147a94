package dev.starshop.telegram.bot;

import dev.starshop.buyer.Buyer;
import dev.starshop.catalog.CatalogService;
import dev.starshop.catalog.Product;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.InlineKeyboardButton;
import dev.starshop.telegram.botapi.InlineKeyboardMarkup;
import dev.starshop.telegram.botapi.InlineQueryResultArticle;
import dev.starshop.telegram.botapi.PreparedInlineMessage;
import dev.starshop.telegram.botapi.SavePreparedInlineMessage;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * "Share" in the Mini App: a product card prepared with {@code savePreparedInlineMessage} for the
 * buyer, whose id the Mini App passes to {@code WebApp.shareMessage}. The card's button is the
 * product's link, {@code https://t.me/<bot>/<app>?startapp=p_<sku>__s_share__r_<buyer id>}, so an
 * order placed from it is attributed to the sharer (docs/orders.md, attribution).
 */
@Controller("/api/share")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductShareController {

    private static final java.util.regex.Pattern LINKABLE_SKU = java.util.regex.Pattern.compile(
            "[A-Za-z0-9-]+(_[A-Za-z0-9-]+)*");

    private final CatalogService catalog;
    private final BotApiClient botApi;
    private final MiniAppUrl urls;
    private final String botUsername;
    private final String appShortName;

    ProductShareController(CatalogService catalog, BotApiClient botApi, MiniAppUrl urls,
                           @Nullable @Value("${starshop.links.bot-username:}") String botUsername,
                           @Value("${starshop.links.app-short-name:shop}") String appShortName) {
        this.catalog = catalog;
        this.botApi = botApi;
        this.urls = urls;
        this.botUsername = botUsername == null ? "" : botUsername.replaceFirst("^@", "").strip();
        this.appShortName = appShortName;
    }

    @Post("/products/{sku}")
    PreparedInlineMessage share(@Parameter(hidden = true) Buyer buyer, String sku) {
        Product product = catalog.product(sku);
        if (!product.active()) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "Product '" + sku + "' is not for sale");
        }
        if (botUsername.isEmpty() || !LINKABLE_SKU.matcher(sku).matches() || sku.length() > 64) {
            throw new ProblemException(ProblemCode.INVALID_STATE, "This product cannot be shared: the shop has no "
                    + "bot username configured (starshop.links.bot-username) or its SKU cannot be part of a link");
        }
        String link = "https://t.me/" + botUsername + "/" + appShortName + "?startapp=p_" + sku
                + "__s_share__r_" + buyer.telegramUserId();
        InlineQueryResultArticle card = InlineQueryResultArticle.of("p-" + Integer.toHexString(sku.hashCode())
                        + "-" + buyer.telegramUserId(), product.title(), product.title() + "\n\n"
                        + product.description() + "\n\n" + product.prices().get(0).display(),
                InlineKeyboardMarkup.single(InlineKeyboardButton.link("Open in the shop", link)),
                product.description(), product.invoicePhotoUrl(urls.hasPublicUrl() ? urls.base() : null).orElse(null));
        return botApi.savePreparedInlineMessage(SavePreparedInlineMessage.anywhere(buyer.telegramUserId(), card));
    }
}

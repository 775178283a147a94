package dev.starshop.fulfilment;

import dev.starshop.platform.admin.AdminOnly;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The admin's view of one buyer's purchases and entitlements, by Telegram user id. */
@Controller("/api/admin/buyers/{telegramUserId}")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class BuyerPurchasesAdminController {

    private final Purchases purchases;
    private final Entitlements entitlements;

    BuyerPurchasesAdminController(Purchases purchases, Entitlements entitlements) {
        this.purchases = purchases;
        this.entitlements = entitlements;
    }

    @Get("/purchases")
    PurchaseViews.PurchaseList purchases(long telegramUserId) {
        return purchases.of(telegramUserId);
    }

    @Get("/entitlements")
    PurchaseViews.Entitlements entitlements(long telegramUserId) {
        return entitlements.of(telegramUserId);
    }
}

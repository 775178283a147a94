package dev.starshop.fulfilment;

import dev.starshop.buyer.Buyer;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;

/** The buyer's own purchases and entitlements ({@code Authorization: tma <initData>}). */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class PurchasesController {

    private final Purchases purchases;
    private final Entitlements entitlements;

    PurchasesController(Purchases purchases, Entitlements entitlements) {
        this.purchases = purchases;
        this.entitlements = entitlements;
    }

    /** Every paid order of the verified buyer, newest first, with what each unit delivered. */
    @Get("/purchases")
    PurchaseViews.PurchaseList purchases(@Parameter(hidden = true) Buyer buyer) {
        return purchases.of(buyer.telegramUserId());
    }

    @Get("/me/entitlements")
    PurchaseViews.Entitlements entitlements(@Parameter(hidden = true) Buyer buyer) {
        return entitlements.of(buyer.telegramUserId());
    }
}

package dev.starshop.checkout;

import dev.starshop.buyer.Buyer;
import dev.starshop.money.CurrencyTable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The buyer's own subscriptions ({@code Authorization: tma <initData>}). */
@Controller("/api/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
class SubscriptionController {

    private final SubscriptionService subscriptions;
    private final CurrencyTable currencies;
    private final Clock clock;

    SubscriptionController(SubscriptionService subscriptions, CurrencyTable currencies, Clock clock) {
        this.subscriptions = subscriptions;
        this.currencies = currencies;
        this.clock = clock;
    }

    @Get
    List<SubscriptionView> mine(@Parameter(hidden = true) Buyer buyer) {
        return subscriptions.forBuyer(buyer.telegramUserId()).stream().map(this::view).toList();
    }

    @Post("/{id}/cancel")
    SubscriptionView cancel(@Parameter(hidden = true) Buyer buyer, UUID id) {
        return view(subscriptions.setCancelled(id, true, buyer.telegramUserId()));
    }

    @Post("/{id}/reenable")
    SubscriptionView reenable(@Parameter(hidden = true) Buyer buyer, UUID id) {
        return view(subscriptions.setCancelled(id, false, buyer.telegramUserId()));
    }

    private SubscriptionView view(Subscription subscription) {
        return SubscriptionView.of(subscription, currencies, clock.instant());
    }
}

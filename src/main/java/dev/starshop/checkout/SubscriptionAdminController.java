package dev.starshop.checkout;

import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.money.CurrencyTable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Every subscription, for operators; admin authentication comes from the /api/admin filter. */
@Controller("/api/admin/subscriptions")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class SubscriptionAdminController {

    private final SubscriptionService subscriptions;
    private final CurrencyTable currencies;
    private final Clock clock;

    SubscriptionAdminController(SubscriptionService subscriptions, CurrencyTable currencies, Clock clock) {
        this.subscriptions = subscriptions;
        this.currencies = currencies;
        this.clock = clock;
    }

    @Get
    List<SubscriptionView> all() {
        return subscriptions.all().stream().map(this::view).toList();
    }

    @Post("/{id}/cancel")
    SubscriptionView cancel(UUID id) {
        return view(subscriptions.setCancelled(id, true, null));
    }

    @Post("/{id}/reenable")
    SubscriptionView reenable(UUID id) {
        return view(subscriptions.setCancelled(id, false, null));
    }

    private SubscriptionView view(Subscription subscription) {
        return SubscriptionView.of(subscription, currencies, clock.instant());
    }
}

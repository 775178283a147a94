package dev.starshop.checkout;

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
@ExecuteOn(TaskExecutors.BLOCKING)
class SubscriptionAdminController {

    private final SubscriptionService subscriptions;
    private final Clock clock;

    SubscriptionAdminController(SubscriptionService subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Get
    List<SubscriptionView> all() {
        return subscriptions.all().stream().map(s -> SubscriptionView.of(s, clock.instant())).toList();
    }

    @Post("/{id}/cancel")
    SubscriptionView cancel(UUID id) {
        return SubscriptionView.of(subscriptions.setCancelled(id, true, null), clock.instant());
    }

    @Post("/{id}/reenable")
    SubscriptionView reenable(UUID id) {
        return SubscriptionView.of(subscriptions.setCancelled(id, false, null), clock.instant());
    }
}

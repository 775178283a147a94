package dev.starshop.checkout;

import dev.starshop.events.AlertKind;
import dev.starshop.events.EventType;
import dev.starshop.events.OperatorAlerts;
import dev.starshop.events.ShopEvents;
import dev.starshop.money.CurrencyTable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;

/**
 * Subscription events (docs/events.md), published in the transaction that changed the subscription;
 * the data is the subscription as {@code /api/subscriptions} shows it. Ordered with the first order's
 * events (same ordering key).
 */
@Singleton
class SubscriptionEvents {

    @Serdeable
    record SubscriptionEventData(SubscriptionView subscription) {
    }

    private final ShopEvents events;
    private final OperatorAlerts alerts;
    private final CurrencyTable currencies;
    private final Clock clock;

    SubscriptionEvents(ShopEvents events, OperatorAlerts alerts, CurrencyTable currencies, Clock clock) {
        this.events = events;
        this.alerts = alerts;
        this.currencies = currencies;
        this.clock = clock;
    }

    void started(Subscription subscription) {
        publish(EventType.SUBSCRIPTION_STARTED, subscription);
    }

    void renewed(Subscription subscription) {
        publish(EventType.SUBSCRIPTION_RENEWED, subscription);
    }

    void expired(Subscription subscription) {
        publish(EventType.SUBSCRIPTION_EXPIRED, subscription);
    }

    void cancelled(Subscription subscription) {
        SubscriptionView view = publish(EventType.SUBSCRIPTION_CANCELLED, subscription);
        alerts.raise(AlertKind.SUBSCRIPTION_CANCELLED, null, Map.of("subscriptionId", view.id().toString(),
                "buyerId", view.buyerId(), "price", view.display(), "expiresAt", view.expiresAt().toString()));
    }

    private SubscriptionView publish(EventType type, Subscription subscription) {
        SubscriptionView view = SubscriptionView.of(subscription, currencies, clock.instant());
        events.publish(type, subscription.firstOrderId().toString(), new SubscriptionEventData(view));
        return view;
    }
}

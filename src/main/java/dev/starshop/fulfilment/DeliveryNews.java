package dev.starshop.fulfilment;

import dev.starshop.events.AlertKind;
import dev.starshop.events.EventType;
import dev.starshop.events.OperatorAlerts;
import dev.starshop.events.ShopEvents;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;

/**
 * What fulfilment tells the shop, in the transaction of the change (docs/events.md): a delivery that
 * failed (the {@code delivery.failed} event and an operator alert) and a code pool running low. Never
 * a code or a delivery text: a reason names the delivery, the order and the SKU only.
 */
@Singleton
class DeliveryNews {

    private final ShopEvents events;
    private final OperatorAlerts alerts;
    private final CodePool codes;

    DeliveryNews(ShopEvents events, OperatorAlerts alerts, CodePool codes) {
        this.events = events;
        this.alerts = alerts;
        this.codes = codes;
    }

    /** {@code delivery.failed}'s {@code data}: the delivery as the admin order view names it. */
    @Serdeable
    record DeliveryFailed(UUID orderId, long deliveryId, @Nullable String sku, int attempts, String reason) {
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void failed(DeliveryFailed failure) {
        events.publish(EventType.DELIVERY_FAILED, failure.orderId().toString(), failure);
        alerts.raise(AlertKind.DELIVERY_FAILED, "delivery-failed:" + failure.deliveryId() + ":" + failure.attempts(),
                Map.of("orderId", failure.orderId().toString(), "reason", failure.reason()));
    }

    /** After {@code claimed} codes of {@code sku} were taken in this transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void codesClaimed(String sku, int claimed) {
        long left = codes.unclaimed(sku);
        alerts.codePoolClaimed(sku, left + claimed, left);
    }
}

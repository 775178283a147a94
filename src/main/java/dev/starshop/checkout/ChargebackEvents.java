package dev.starshop.checkout;

import dev.starshop.events.AlertKind;
import dev.starshop.events.EventType;
import dev.starshop.events.OperatorAlerts;
import dev.starshop.events.ShopEvents;
import dev.starshop.order.OrderPayments;
import dev.starshop.order.OrderView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code chargeback.recorded} and the operator's chargeback alert, in the chargeback's transaction. */
@Singleton
class ChargebackEvents {

    /** A chargeback: which charge, how much, and the order it hit (null when the charge is unknown). */
    @Serdeable
    record ChargebackView(String telegramPaymentChargeId, String currency, long amount, String display,
                          @Nullable UUID orderId, @Nullable Long buyerId, Instant occurredAt,
                          @Nullable String reviewReason) {
    }

    @Serdeable
    record ChargebackEventData(ChargebackView chargeback, @Nullable OrderView order) {
    }

    private final ShopEvents events;
    private final OperatorAlerts alerts;
    private final OrderPayments orders;

    ChargebackEvents(ShopEvents events, OperatorAlerts alerts, OrderPayments orders) {
        this.events = events;
        this.alerts = alerts;
        this.orders = orders;
    }

    void recorded(PaymentRecord chargeback) {
        ChargebackView view = new ChargebackView(chargeback.chargeId(), chargeback.total().currency().code(),
                chargeback.total().amount(), chargeback.total().display(), chargeback.orderId(), chargeback.buyerId(),
                chargeback.occurredAt(), chargeback.reviewReason());
        OrderView order = chargeback.orderId() == null ? null
                : orders.find(chargeback.orderId()).map(OrderView::of).orElse(null);
        events.publish(EventType.CHARGEBACK_RECORDED, chargeback.orderId() == null ? null
                : chargeback.orderId().toString(), new ChargebackEventData(view, order));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("chargeId", chargeback.chargeId());
        facts.put("amount", view.display());
        if (view.orderId() != null) {
            facts.put("orderId", view.orderId().toString());
        }
        alerts.raise(AlertKind.CHARGEBACK, "chargeback:" + chargeback.chargeId(), facts);
    }
}

package dev.starshop.events;

import java.util.Arrays;
import java.util.Optional;

/** The events integrators receive (docs/events.md); {@link #wireName} is the body's {@code type}. */
public enum EventType {
    ORDER_PAID("order.paid"),
    ORDER_FULFILLED("order.fulfilled"),
    ORDER_REFUNDED("order.refunded"),
    ORDER_NEEDS_REVIEW("order.needs_review"),
    DELIVERY_FAILED("delivery.failed"),
    SUBSCRIPTION_STARTED("subscription.started"),
    SUBSCRIPTION_RENEWED("subscription.renewed"),
    SUBSCRIPTION_CANCELLED("subscription.cancelled"),
    SUBSCRIPTION_EXPIRED("subscription.expired"),
    CHARGEBACK_RECORDED("chargeback.recorded"),
    /** Sent to one endpoint by the console's "send test event"; never published by the shop. */
    TEST("event.test");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}

package dev.starshop.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an order. {@link #TRANSITIONS} is the single table of allowed moves, and it holds only
 * moves some code performs; docs/orders.md renders it (OrderStatesDocsTest keeps the two equal).
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    /**
     * Everything bought has reached the buyer: fulfilment moves a paid order here in the transaction
     * that marks its last digital delivery SENT, or when the operator marks a physical order DELIVERED
     * (docs/fulfilment.md). A refund still applies.
     */
    FULFILLED,
    CANCELLED,
    EXPIRED,
    REFUNDED,
    /** Money arrived that the order cannot honour (after expiry, cancel, refund, or a mismatch). */
    NEEDS_REVIEW;

    static final Map<OrderStatus, Set<OrderStatus>> TRANSITIONS = Map.of(
            PENDING_PAYMENT, EnumSet.of(PAID, CANCELLED, EXPIRED, NEEDS_REVIEW),
            // PAID → FULFILLED: the last digital delivery SENT (fulfilment.OrderCompletion) or a physical
            // order's DELIVERED step (fulfilment.ShipmentService).
            PAID, EnumSet.of(FULFILLED, REFUNDED, NEEDS_REVIEW),
            FULFILLED, EnumSet.of(REFUNDED),
            CANCELLED, EnumSet.of(NEEDS_REVIEW),
            EXPIRED, EnumSet.of(NEEDS_REVIEW),
            REFUNDED, EnumSet.of(NEEDS_REVIEW),
            // Leaving review is a refund, or an operator's approval ("deliver anyway": → PAID).
            NEEDS_REVIEW, EnumSet.of(PAID, REFUNDED));

    public boolean canBecome(OrderStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Whether the order still holds stock it has not sold. */
    boolean holdsReservation() {
        return this == PENDING_PAYMENT;
    }
}

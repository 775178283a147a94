package dev.starshop.order;

import java.util.List;

/**
 * Reacts to an order's move in the same transaction: what it writes commits or rolls back with the
 * move (deliveries decided at payment, revocation at refund, outbound events). A listener must not
 * call anything outside the database; work for later goes into an outbox table. An exception rolls
 * the whole transaction back, payment included, so listeners refuse only what must stop the move.
 */
public interface OrderTransitionListener {

    void onTransition(OrderTransition transition);

    /**
     * A shared transaction has locked these orders and is about to apply payments to them, one by
     * one: a listener may read now, in one statement for all of them, what it would otherwise read
     * at each move (keeping it in {@code platform.db.ReadAhead}, valid until its row is written).
     * Only a hint: a move still arrives through {@link #onTransition} with nothing read ahead.
     */
    default void ordersAhead(List<Order> orders) {
    }
}

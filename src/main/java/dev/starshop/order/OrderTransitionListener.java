package dev.starshop.order;

/**
 * Reacts to an order's move in the same transaction: what it writes commits or rolls back with the
 * move (deliveries decided at payment, revocation at refund, outbound events). A listener must not
 * call anything outside the database; work for later goes into an outbox table. An exception rolls
 * the whole transaction back, payment included, so listeners refuse only what must stop the move.
 */
public interface OrderTransitionListener {

    void onTransition(OrderTransition transition);
}

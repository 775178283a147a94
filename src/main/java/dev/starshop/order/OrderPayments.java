package dev.starshop.order;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What payments do to orders, inside the caller's transaction (the update's): lock the order, move
 * it along the transition table, write the timeline. Checkout decides; this applies.
 */
@Singleton
public class OrderPayments {

    private final OrderRepository orders;
    private final List<OrderTransitionListener> listeners;
    private final List<ChargebackListener> chargebackListeners;
    private final Clock clock;

    OrderPayments(OrderRepository orders, List<OrderTransitionListener> listeners,
                  List<ChargebackListener> chargebackListeners, Clock clock) {
        this.orders = orders;
        this.listeners = List.copyOf(listeners);
        this.chargebackListeners = List.copyOf(chargebackListeners);
        this.clock = clock;
    }

    /** The order, locked until the transaction ends so concurrent payment updates queue up. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Order> lock(UUID id) {
        return orders.lockForUpdate(id);
    }

    /**
     * Locks all of these orders in one statement, in id order, ahead of payments a shared transaction
     * is about to apply to them one by one: each {@link #lock} of one of them in this transaction
     * then takes what this read instead of reading again, once, and only while nothing in the
     * transaction has written that order. The {@link OrderTransitionListener}s read ahead too.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void lockAhead(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Order> locked = orders.lockAllForUpdate(ids);
        if (!locked.isEmpty()) {
            listeners.forEach(listener -> listener.ordersAhead(locked));
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Order> find(UUID id) {
        return orders.find(id);
    }

    /**
     * Moves the order to {@code next}, records why and tells the {@link OrderTransitionListener}s in
     * this transaction; refuses moves the table does not allow.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Order move(Order order, OrderStatus next, String why) {
        return moveRecording(order, next, why);
    }

    /**
     * The order was paid: it moves to PAID and remembers what the buyer paid (items, shipping, tip)
     * for its receipt, in the same statement as the move; the listeners see the charge. In a shared
     * (group) commit the statement waits for the commit's end, written with the other moves of the
     * batch ({@link OrderRepository#moveLate}); whatever reads or writes the order before then in the
     * transaction goes through {@link OrderRepository}, which writes it first.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Order paid(Order order, Charge charge, String why) {
        Order moved = order.transitionTo(OrderStatus.PAID, charge);
        Instant now = clock.instant();
        if (!orders.moveLate(order.id(), order.status(), OrderStatus.PAID, now, why, charge)) {
            throw new IllegalTransitionException(order.id(), order.status(), OrderStatus.PAID);
        }
        return told(moved, order.status(), why, now);
    }

    private Order moveRecording(Order order, OrderStatus next, String why) {
        Order moved = order.transitionTo(next);
        Instant now = clock.instant();
        if (!orders.move(order.id(), order.status(), next, now, why, null)) {
            throw new IllegalTransitionException(order.id(), order.status(), next);
        }
        return told(moved, order.status(), why, now);
    }

    /** The listeners learn of the move in this transaction. */
    private Order told(Order moved, OrderStatus from, String why, Instant now) {
        OrderTransition transition = new OrderTransition(moved, from, why, now);
        listeners.forEach(listener -> listener.onTransition(transition));
        return moved;
    }

    /**
     * Telegram took the order's money back: the timeline says so and the {@link ChargebackListener}s
     * react in this transaction; the state is unchanged.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void chargedBack(UUID orderId, String why) {
        orders.appendEvent(orderId, clock.instant(), "CHARGEBACK", why);
        chargebackListeners.forEach(listener -> listener.onChargeback(orderId));
    }

    /** A decision or a hint that does not change the state (pre-checkout answers, invoiceClosed). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void note(UUID orderId, String kind, String detail) {
        orders.appendEvent(orderId, clock.instant(), kind, detail);
    }

    /** A paid copy of {@code original} for a subscription renewal: its own order, born PAID. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Order renewal(Order original, String chargeReference) {
        Instant now = clock.instant();
        Order renewal = new Order(UUID.randomUUID(), original.buyerId(), OrderStatus.PAID, original.total(), null,
                now, now, original.lines());
        orders.insert(renewal, new IdempotencyKey(null, "renewal"));
        orders.insertLines(renewal, Optional.empty());
        orders.appendEvent(renewal.id(), now, "RENEWAL", "renews order " + original.id() + " (" + chargeReference + ")");
        return renewal;
    }
}

package dev.starshop.fulfilment;

import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import dev.starshop.order.OrderStatus;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.util.UUID;

/** What an operator may do about an order's deliveries, each in one transaction that locks the order. */
@Singleton
class OperatorActions {

    private final OrderPayments orders;
    private final DeliveryRepository deliveries;
    private final DeliveryNudge nudge;
    private final OrderCompletion completion;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    OperatorActions(OrderPayments orders, DeliveryRepository deliveries, DeliveryNudge nudge,
                    OrderCompletion completion, TransactionOperations<Connection> transactions, Clock clock) {
        this.completion = completion;
        this.orders = orders;
        this.deliveries = deliveries;
        this.nudge = nudge;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * "Deliver anyway": NEEDS_REVIEW → PAID, which decides the deliveries (DeliveryDecisions). A code
     * pool found empty then makes that unit FAILED with the reason, shown in the order.
     */
    void approve(UUID id) {
        transactions.executeWrite(status -> {
            Order order = locked(id);
            if (order.status() != OrderStatus.NEEDS_REVIEW) {
                throw new ProblemException(ProblemCode.INVALID_STATE,
                        "Order " + id + " is " + order.status() + "; only an order under review can be approved");
            }
            Order paid = orders.move(order, OrderStatus.PAID, "approved by an operator: deliver anyway");
            // Under review after a second payment, its units may all be SENT already.
            completion.fulfilIfComplete(paid);
            return null;
        });
    }

    /** Failed deliveries back to PENDING; 409 no-failed-delivery when there is none (nothing is sent). */
    void retryFailed(UUID id) {
        transactions.executeWrite(status -> {
            Order order = locked(id);
            if (deliveries.retryFailed(order.id(), clock.instant()) == 0) {
                throw new ProblemException(ProblemCode.NO_FAILED_DELIVERY,
                        "Order " + id + " has no failed delivery (" + order.status() + ")");
            }
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    nudge.nudge();
                }
            });
            return null;
        });
    }

    private Order locked(UUID id) {
        return orders.lock(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "No order " + id));
    }
}

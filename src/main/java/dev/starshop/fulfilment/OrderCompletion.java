package dev.starshop.fulfilment;

import dev.starshop.catalog.ProductKind;
import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import dev.starshop.order.OrderStatus;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** When a paid order has received everything: it becomes FULFILLED (docs/fulfilment.md, "Fulfilled"). */
@Singleton
class OrderCompletion {

    private final DeliveryRepository deliveries;
    private final OrderPayments orders;

    OrderCompletion(DeliveryRepository deliveries, OrderPayments orders) {
        this.deliveries = deliveries;
        this.orders = orders;
    }

    /**
     * A PAID order (locked by the caller) whose every unit is SENT and that ships nothing moves to
     * FULFILLED. An order without deliveries (receipt only) stays PAID.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void fulfilIfComplete(Order order) {
        boolean physical = order.lines().stream().anyMatch(line -> line.kind() == ProductKind.PHYSICAL);
        if (order.status() == OrderStatus.PAID && !physical && deliveries.unsent(order.id()) == 0) {
            orders.move(order, OrderStatus.FULFILLED, "every delivery sent");
        }
    }
}

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
    private final Shipments shipments;
    private final OrderPayments orders;

    OrderCompletion(DeliveryRepository deliveries, Shipments shipments, OrderPayments orders) {
        this.deliveries = deliveries;
        this.shipments = shipments;
        this.orders = orders;
    }

    /**
     * A PAID order (locked by the caller) moves to FULFILLED when every digital unit is SENT and, if it
     * ships goods, its shipment is DELIVERED; the last of the two to happen moves it. An order with
     * neither deliveries nor goods (receipt only) stays PAID.
     *
     * @return whether the order moved
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    boolean fulfilIfComplete(Order order) {
        if (order.status() != OrderStatus.PAID) {
            return false;
        }
        boolean physical = order.lines().stream().anyMatch(line -> line.kind() == ProductKind.PHYSICAL);
        long unsent = deliveries.unsent(order.id());
        boolean digitalDone = unsent == 0 || (unsent < 0 && physical);
        boolean goodsDone = !physical || shipments.delivered(order.id());
        if (!digitalDone || !goodsDone) {
            return false;
        }
        orders.move(order, OrderStatus.FULFILLED, physical ? "shipment delivered" + (unsent == 0
                ? " and every delivery sent" : "") : "every delivery sent");
        return true;
    }
}

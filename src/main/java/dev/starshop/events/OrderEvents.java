package dev.starshop.events;

import dev.starshop.order.Order;
import dev.starshop.order.OrderStatus;
import dev.starshop.order.OrderTransition;
import dev.starshop.order.OrderTransitionListener;
import dev.starshop.order.OrderView;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Order moves become events and operator alerts, in the move's transaction: PAID → order.paid,
 * NEEDS_REVIEW → order.needs_review, REFUNDED → order.refunded, FULFILLED → order.fulfilled.
 */
@Singleton
class OrderEvents implements OrderTransitionListener {

    /** An order event's data: the order as {@code GET /api/orders/{id}} shows it, and its buyer. */
    @Serdeable
    record OrderEventData(OrderView order, OrderFacts.BuyerRef buyer, String reason) {
    }

    private final ShopEvents events;
    private final OperatorAlerts alerts;
    private final OrderFacts facts;

    OrderEvents(ShopEvents events, OperatorAlerts alerts, OrderFacts facts) {
        this.events = events;
        this.alerts = alerts;
        this.facts = facts;
    }

    @Override
    public void onTransition(OrderTransition transition) {
        EventType type = typeOf(transition.to());
        if (type == null) {
            return;
        }
        Order order = facts.withCharge(transition.order());
        Supplier<OrderFacts.BuyerRef> buyer = once(() -> facts.buyer(order.buyerId()));
        events.publish(type, order.id().toString(),
                () -> new OrderEventData(OrderView.of(order), buyer.get(), transition.why()));
        alert(transition, order, buyer);
    }

    /**
     * Payments are about to move these orders, one by one, in a shared transaction: their buyers are
     * read now in one statement, if anyone is there to be told about a move (as {@link #onTransition}
     * reads one buyer only then).
     */
    @Override
    public void ordersAhead(List<Order> orders) {
        if (events.anyEndpointEnabled() || alerts.wants(AlertKind.ORDER_PAID) || alerts.wants(AlertKind.NEEDS_REVIEW)) {
            facts.buyersAhead(orders.stream().map(Order::buyerId).distinct().toList());
        }
    }

    /** The buyer is read only if an endpoint or the operator chat is there to be told, and then once. */
    private static <T> Supplier<T> once(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }

    private static EventType typeOf(OrderStatus to) {
        return switch (to) {
            case PAID -> EventType.ORDER_PAID;
            case NEEDS_REVIEW -> EventType.ORDER_NEEDS_REVIEW;
            case REFUNDED -> EventType.ORDER_REFUNDED;
            case FULFILLED -> EventType.ORDER_FULFILLED;
            case PENDING_PAYMENT, CANCELLED, EXPIRED -> null;
        };
    }

    private void alert(OrderTransition transition, Order order, Supplier<OrderFacts.BuyerRef> buyer) {
        AlertKind kind = switch (transition.to()) {
            case PAID -> AlertKind.ORDER_PAID;
            case NEEDS_REVIEW -> AlertKind.NEEDS_REVIEW;
            case REFUNDED -> AlertKind.REFUND;
            default -> null;
        };
        if (kind == null || !alerts.wants(kind)) {
            return;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("orderId", order.id().toString());
        f.put("buyer", buyer.get().display());
        f.put("total", (order.charge() == null ? order.total() : order.charge().total()).display());
        f.put("lines", OrderFacts.lines(order));
        f.put("why", transition.why());
        if (kind == AlertKind.ORDER_PAID) {
            facts.shippingAddress(order).ifPresent(address -> f.put("shippingAddress", address));
        }
        alerts.raise(kind, null, f);
    }
}

package dev.starshop.fulfilment;

import dev.starshop.catalog.ProductKind;
import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import dev.starshop.order.OrderStatus;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sets shipment steps on physical orders, one order or many, in one transaction: lock the order,
 * check the step is its next one, write it, queue the buyer's message, and at DELIVERED move the
 * order PAID → FULFILLED. A refusal rolls everything back: nothing written, nothing sent.
 */
@Singleton
class ShipmentService {

    private final OrderPayments orders;
    private final Shipments shipments;
    private final ShipmentNotices notices;
    private final OrderCompletion completion;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    ShipmentService(OrderPayments orders, Shipments shipments, ShipmentNotices notices, OrderCompletion completion,
                    TransactionOperations<Connection> transactions, Clock clock) {
        this.orders = orders;
        this.shipments = shipments;
        this.notices = notices;
        this.completion = completion;
        this.transactions = transactions;
        this.clock = clock;
    }

    ShipmentStatus mark(UUID orderId, ShipmentMark mark) {
        ShipmentStatus marked = transactions.executeWrite(status -> markLocked(orderId, mark, clock.instant()));
        notices.sendQueued();
        return marked;
    }

    /** All or nothing; orders are locked in id order so two bulk marks never deadlock. */
    Map<UUID, ShipmentStatus> markAll(List<UUID> orderIds, ShipmentMark mark) {
        Instant now = clock.instant();
        Map<UUID, ShipmentStatus> marked = transactions.executeWrite(status -> {
            Map<UUID, ShipmentStatus> done = new HashMap<>();
            orderIds.stream().sorted().forEach(id -> done.put(id, markLocked(id, mark, now)));
            return done;
        });
        notices.sendQueued();
        return marked;
    }

    private ShipmentStatus markLocked(UUID orderId, ShipmentMark mark, Instant now) {
        Order order = orders.lock(orderId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND,
                "No order " + orderId, Map.of("orderId", orderId)));
        requireShippable(order);
        List<ShipmentStatus> done = shipments.steps(orderId);
        ShipmentStep last = done.isEmpty() ? null : done.get(done.size() - 1).step();
        ShipmentStep expected = ShipmentStep.after(last).orElse(null);
        if (mark.step() != expected) {
            throw outOfOrder(orderId, mark.step(), last, expected);
        }
        shipments.insert(orderId, mark, now);
        notices.queue(dedupeKey(orderId, mark.step()), order.buyerId(),
                ShipmentTexts.forLanguage(shipments.buyerLanguage(order.buyerId())).message(orderId, mark));
        if (!mark.step().fulfils() || !completion.fulfilIfComplete(order)) {
            orders.note(orderId, mark.step().name(), describe(mark));
        }
        return new ShipmentStatus(mark.step(), mark.carrier(), mark.trackingNumber(), mark.trackingUrl(), now);
    }

    /** Only a PAID order with at least one physical line moves through the steps. */
    private static void requireShippable(Order order) {
        boolean physical = order.lines().stream().anyMatch(line -> line.kind() == ProductKind.PHYSICAL);
        if (order.status() != OrderStatus.PAID || !physical) {
            String why = !physical ? "has no physical goods" : "is " + order.status() + ", not PAID";
            throw new ProblemException(ProblemCode.ORDER_NOT_SHIPPABLE, "Order " + order.id() + " " + why,
                    Map.of("orderId", order.id(), "orderStatus", order.status().name()));
        }
    }

    private static ProblemException outOfOrder(UUID orderId, ShipmentStep step, ShipmentStep last,
                                               ShipmentStep expected) {
        String detail = "Order " + orderId + " cannot be " + step + ": "
                + (last == null ? "no step is set yet" : "its last step is " + last)
                + (expected == null ? " and it has no step left" : ", so the next is " + expected);
        Map<String, Object> members = new HashMap<>(Map.of("orderId", orderId));
        if (last != null) {
            members.put("lastStep", last.name());
        }
        if (expected != null) {
            members.put("nextStep", expected.name());
        }
        return new ProblemException(ProblemCode.STEP_OUT_OF_ORDER, detail, members);
    }

    private static String describe(ShipmentMark mark) {
        return mark.step().needsTracking()
                ? "shipped with " + mark.carrier() + ", tracking " + mark.trackingNumber()
                : "packed";
    }

    static String dedupeKey(UUID orderId, ShipmentStep step) {
        return "shipment:" + orderId + ":" + step.name();
    }
}

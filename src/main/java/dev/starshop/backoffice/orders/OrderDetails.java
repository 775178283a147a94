package dev.starshop.backoffice.orders;

import dev.starshop.backoffice.orders.AdminOrderViews.OrderDetail;
import dev.starshop.backoffice.orders.AdminOrderViews.PaymentView;
import dev.starshop.backoffice.orders.AdminOrderViews.RefundOption;
import dev.starshop.backoffice.orders.OrderDetailQuery.Header;
import dev.starshop.backoffice.orders.OrderDetailQuery.OutboxMessage;
import dev.starshop.checkout.PaymentFacts;
import dev.starshop.fulfilment.DeliveryStatus;
import dev.starshop.fulfilment.OrderDeliveries;
import dev.starshop.fulfilment.OrderDeliveries.AdminDelivery;
import dev.starshop.order.OrderEvent;
import dev.starshop.order.OrderService;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One order as the operator sees it: lines, buyer, payments, ledger transactions, and a timeline
 * that adds the buyer's receipts (from the bot outbox) to the order's own events.
 */
@Singleton
final class OrderDetails {

    private final OrderDetailQuery query;
    private final OrderService orders;
    private final PaymentFacts payments;
    private final OrderDeliveries deliveries;
    private final TransactionOperations<Connection> transactions;

    OrderDetails(OrderDetailQuery query, OrderService orders, PaymentFacts payments, OrderDeliveries deliveries,
                 TransactionOperations<Connection> transactions) {
        this.deliveries = deliveries;
        this.query = query;
        this.orders = orders;
        this.payments = payments;
        this.transactions = transactions;
    }

    OrderDetail find(UUID id) {
        return transactions.executeRead(status -> query.header(id).map(this::detail))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "No order " + id));
    }

    private OrderDetail detail(Header order) {
        List<PaymentView> paymentViews = query.payments(order.id());
        PaymentFacts.Refundability refund = payments.refundability(order.id());
        List<AdminDelivery> units = deliveries.forAdmin(order.id());
        return new OrderDetail(order.id(), order.status(), order.total(), order.charged(), order.buyer(),
                order.createdAt(), order.expiresAt(), order.updatedAt(), order.invoiceLink(),
                query.lines(order.id(), order.currency()), paymentViews, query.ledgerTransactions(order.id()),
                timeline(order.id()), new RefundOption(refund.possible(), refund.needsReference()),
                query.attribution(order.id()).orElse(null), units,
                units.stream().anyMatch(unit -> unit.status() == DeliveryStatus.FAILED),
                order.discount(), order.promoCode());
    }

    /** The order's own events plus the buyer's receipts, under the outbox keys checkout queued them with. */
    private List<OrderEvent> timeline(UUID id) {
        List<OrderEvent> events = new ArrayList<>(orders.timeline(id));
        query.outboxMessages(payments.buyerMessageKeys(id)).stream().map(OrderDetails::receiptEvent)
                .forEach(events::add);
        events.sort(Comparator.comparing(OrderEvent::at)); // stable: same-instant events keep their order
        return events;
    }

    private static OrderEvent receiptEvent(OutboxMessage message) {
        String kind = PaymentFacts.isRefundMessage(message.dedupeKey()) ? "REFUND_RECEIPT" : "RECEIPT";
        String detail = "message to the buyer: " + message.status();
        return new OrderEvent(message.finishedAt() == null ? message.createdAt() : message.finishedAt(), kind, detail);
    }
}

package dev.starshop.backoffice.orders;

import dev.starshop.backoffice.orders.AdminOrderViews.OrderDetail;
import dev.starshop.backoffice.orders.AdminOrderViews.PaymentView;
import dev.starshop.backoffice.orders.AdminOrderViews.RefundOption;
import dev.starshop.backoffice.orders.OrderDetailQuery.Header;
import dev.starshop.backoffice.orders.OrderDetailQuery.OutboxMessage;
import dev.starshop.money.Currency;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One order as the operator sees it: lines, buyer, payments, ledger transactions, and a timeline
 * that adds the buyer's receipts (from the bot outbox) to the order's own events.
 */
@Singleton
final class OrderDetails {

    private static final Set<String> CHARGES = Set.of("PAYMENT", "RENEWAL");

    private final OrderDetailQuery query;
    private final OrderService orders;
    private final TransactionOperations<Connection> transactions;

    OrderDetails(OrderDetailQuery query, OrderService orders, TransactionOperations<Connection> transactions) {
        this.query = query;
        this.orders = orders;
        this.transactions = transactions;
    }

    OrderDetail find(UUID id) {
        return transactions.executeRead(status -> query.header(id).map(this::detail))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "No order " + id));
    }

    private OrderDetail detail(Header order) {
        List<PaymentView> payments = query.payments(order.id());
        return new OrderDetail(order.id(), order.status(), order.total(), order.charged(), order.buyer(),
                order.createdAt(), order.expiresAt(), order.updatedAt(), order.invoiceLink(),
                query.lines(order.id(), order.currency()), payments, query.ledgerTransactions(order.id()),
                timeline(order.id(), payments), refundOption(payments));
    }

    private List<OrderEvent> timeline(UUID id, List<PaymentView> payments) {
        List<OrderEvent> events = new ArrayList<>(orders.timeline(id));
        query.outboxMessages(receiptKeys(payments)).stream().map(OrderDetails::receiptEvent).forEach(events::add);
        events.sort(Comparator.comparing(OrderEvent::at)); // stable: same-instant events keep their order
        return events;
    }

    /** The outbox keys checkout's Receipts queues the buyer's messages under, one per charge. */
    private static List<String> receiptKeys(List<PaymentView> payments) {
        return payments.stream().flatMap(OrderDetails::receiptKey).toList();
    }

    private static Stream<String> receiptKey(PaymentView payment) {
        if (CHARGES.contains(payment.kind())) {
            return Stream.of("receipt:" + payment.kind() + ":" + payment.telegramPaymentChargeId());
        }
        if (payment.kind().equals("REFUND")) {
            return Stream.of("refund:" + payment.telegramPaymentChargeId());
        }
        return Stream.empty(); // chargebacks send the buyer nothing
    }

    private static OrderEvent receiptEvent(OutboxMessage message) {
        String kind = message.dedupeKey().startsWith("refund:") ? "REFUND_RECEIPT" : "RECEIPT";
        String detail = "message to the buyer: " + message.status();
        return new OrderEvent(message.finishedAt() == null ? message.createdAt() : message.finishedAt(), kind, detail);
    }

    /** The refund endpoint refunds the oldest charge not yet refunded; cards need the provider's reference. */
    private static RefundOption refundOption(List<PaymentView> payments) {
        Set<String> refunded = payments.stream().filter(p -> p.kind().equals("REFUND"))
                .map(PaymentView::telegramPaymentChargeId).collect(Collectors.toSet());
        return payments.stream()
                .filter(p -> CHARGES.contains(p.kind()) && !refunded.contains(p.telegramPaymentChargeId()))
                .findFirst()
                .map(p -> new RefundOption(true, !Currency.STARS_CODE.equals(p.total().currency())))
                .orElse(new RefundOption(false, false));
    }
}

package dev.starshop.checkout;

import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.LedgerEntries;
import dev.starshop.ledger.LedgerTransaction;
import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import dev.starshop.order.OrderStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Records a refund of one charge, whoever reports it first: the engine after refundStarPayment,
 * Telegram's refunded_payment update, the operator for a card refund, or reconciliation. The
 * charge id makes it idempotent; the ledger reverses the original transaction; the order becomes
 * REFUNDED.
 */
@Singleton
class RefundRecorder {

    private final PaymentRepository payments;
    private final OrderPayments orders;
    private final Ledger ledger;
    private final Clock clock;

    RefundRecorder(PaymentRepository payments, OrderPayments orders, Ledger ledger, Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Returns the refund row, or empty when this refund was already on file. */
    Optional<PaymentRecord> record(ReportedRefund reported) {
        Optional<PaymentRecord> original = payments.charge(reported.chargeId());
        Optional<Order> order = original.map(PaymentRecord::orderId).flatMap(orders::lock);
        String review = original.isEmpty() ? "refund of a charge we have no record of" : null;
        PaymentRecord refund = PaymentRecord.refund(reported, original, order.map(Order::id).orElse(null), review);
        if (!payments.insertIfNew(refund, clock.instant())) {
            return Optional.empty();
        }
        Optional<LedgerTransaction> paid = ledger.byExternalKey(PaymentKeys.ledgerPayment(reported.chargeId()));
        paid.ifPresent(p -> ledger.post(LedgerEntries.refundOf(p, reported.amount(),
                PaymentKeys.ledgerRefund(reported.chargeId()), reported.occurredAt())));
        order.ifPresent(o -> markRefunded(o, refund));
        return Optional.of(refund);
    }

    private void markRefunded(Order order, PaymentRecord refund) {
        String why = "refunded " + refund.total().display() + " (" + refund.source()
                + (refund.reference() == null ? "" : ", reference " + refund.reference()) + ")";
        if (order.status().canBecome(OrderStatus.REFUNDED) && everyPaymentRefunded(order)) {
            orders.move(order, OrderStatus.REFUNDED, why);
        } else {
            orders.note(order.id(), "REFUND", why);
        }
    }

    /** An order paid twice (two invoice sheets, a late second charge) stays under review until both are back. */
    private boolean everyPaymentRefunded(Order order) {
        List<PaymentRecord> records = payments.forOrder(order.id());
        return records.stream().filter(PaymentRecord::isCharge)
                .allMatch(paid -> records.stream().anyMatch(r -> r.kind() == PaymentKind.REFUND
                        && r.chargeId().equals(paid.chargeId())));
    }
}

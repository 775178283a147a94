package dev.starshop.checkout;

import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.LedgerEntries;
import dev.starshop.ledger.LedgerTransaction;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import dev.starshop.order.OrderStatus;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
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
    private final CurrencyTable currencies;
    private final Clock clock;

    RefundRecorder(PaymentRepository payments, OrderPayments orders, Ledger ledger, CurrencyTable currencies,
                   Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.ledger = ledger;
        this.currencies = currencies;
        this.clock = clock;
    }

    /** Returns the refund row, or empty when this refund was already on file. */
    Optional<PaymentRecord> record(String chargeId, long amount, String currency, String source,
                                   @Nullable String reference, Instant occurredAt) {
        Optional<PaymentRecord> original = payments.find(chargeId, PaymentKind.PAYMENT)
                .or(() -> payments.find(chargeId, PaymentKind.RENEWAL));
        Optional<Order> order = original.map(PaymentRecord::orderId).flatMap(orders::lock);
        String review = original.isEmpty() ? "refund of a charge we have no record of" : null;
        PaymentRecord refund = new PaymentRecord(chargeId, PaymentKind.REFUND, order.map(Order::id).orElse(null),
                original.map(PaymentRecord::buyerId).orElse(null), currency, amount,
                original.map(PaymentRecord::providerChargeId).orElse(null),
                original.map(PaymentRecord::invoicePayload).orElse(null), null, 0, 0, null, null, source, reference,
                review, occurredAt);
        if (!payments.insertIfNew(refund, clock.instant())) {
            return Optional.empty();
        }
        Optional<LedgerTransaction> paid = ledger.byExternalKey("payment:" + chargeId);
        Money refunded = currencies.money(amount, currency);
        paid.ifPresent(p -> ledger.post(LedgerEntries.refundOf(p, refunded, "refund:" + chargeId, occurredAt)));
        order.ifPresent(o -> markRefunded(o, refund, refunded));
        return Optional.of(refund);
    }

    private void markRefunded(Order order, PaymentRecord refund, Money refunded) {
        String why = "refunded " + refunded.display() + " (" + refund.source()
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
        return records.stream().filter(p -> p.kind() == PaymentKind.PAYMENT || p.kind() == PaymentKind.RENEWAL)
                .allMatch(paid -> records.stream().anyMatch(r -> r.kind() == PaymentKind.REFUND
                        && r.chargeId().equals(paid.chargeId())));
    }
}

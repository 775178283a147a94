package dev.starshop.checkout;

import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.LedgerEntries;
import dev.starshop.ledger.LedgerTransaction;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.order.OrderPayments;
import dev.starshop.platform.db.Sql;
import dev.starshop.telegram.botapi.SuccessfulPayment;
import dev.starshop.telegram.botapi.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What reconciliation may do to the payments and the books, each call in its own transaction and
 * idempotent by charge id: record a payment or refund Telegram knows and we missed, record a
 * chargeback, and list the Stars charges we hold.
 */
@Singleton
public class ReconciliationBook {

    static final String SOURCE = "RECONCILIATION";

    /** What happened to one discrepancy. */
    public enum Outcome { RECORDED, RECORDED_FOR_REVIEW, ALREADY_RECORDED }

    /** @param reviewReason why the row needs a person, or null */
    public record Result(Outcome outcome, @Nullable UUID orderId, @Nullable String reviewReason) {
    }

    /** A Stars payment or renewal on file. */
    public record LocalCharge(String chargeId, String kind, @Nullable UUID orderId, long totalAmount,
                              Instant occurredAt) {
    }

    private final PaymentRecorder paymentRecorder;
    private final RefundRecorder refundRecorder;
    private final PaymentRepository payments;
    private final OrderPayments orders;
    private final Ledger ledger;
    private final CurrencyTable currencies;
    private final FoundPayments found;
    private final Sql sql;
    private final Clock clock;

    ReconciliationBook(PaymentRecorder paymentRecorder, RefundRecorder refundRecorder, PaymentRepository payments,
                       OrderPayments orders, Ledger ledger, CurrencyTable currencies, FoundPayments found, Sql sql,
                       Clock clock) {
        this.paymentRecorder = paymentRecorder;
        this.refundRecorder = refundRecorder;
        this.payments = payments;
        this.orders = orders;
        this.ledger = ledger;
        this.currencies = currencies;
        this.found = found;
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * An incoming Stars payment with no update behind it; the payload decides the order, as for an
     * update. With a subscription period it starts or renews a subscription (see {@link FoundPayments}).
     */
    @Transactional
    public Result recordFoundPayment(String chargeId, long amount, User buyer, @Nullable String payload,
                                     @Nullable Integer subscriptionPeriodSeconds, Instant occurredAt) {
        if (charged(chargeId).isPresent()) {
            return new Result(Outcome.ALREADY_RECORDED, null, null);
        }
        SuccessfulPayment paid = found.asUpdate(chargeId, amount, payload, subscriptionPeriodSeconds, occurredAt);
        if (!paymentRecorder.recordFound(paid, buyer, occurredAt)) {
            return new Result(Outcome.ALREADY_RECORDED, null, null);
        }
        return result(charged(chargeId).orElseThrow());
    }

    /** A refund to the user made outside the engine (another tool, Telegram support). */
    @Transactional
    public Result recordOutsideRefund(String chargeId, long amount, Instant occurredAt) {
        return refundRecorder.record(chargeId, amount, "XTR", SOURCE, null, occurredAt).map(this::result)
                .orElseGet(() -> new Result(Outcome.ALREADY_RECORDED, null, null));
    }

    /**
     * Telegram took a payment's or a renewal's Stars back: a CHARGEBACK row linked to the charge's
     * order and buyer and, when we booked the charge, its reversal.
     */
    @Transactional
    public Result recordChargeback(String chargeId, long amount, Instant occurredAt) {
        Optional<PaymentRecord> original = charged(chargeId);
        Optional<LedgerTransaction> booked = ledger.byExternalKey("payment:" + chargeId);
        String review = booked.isEmpty() ? "chargeback of a charge we have no booked payment for" : null;
        PaymentRecord chargeback = new PaymentRecord(chargeId, PaymentKind.CHARGEBACK,
                original.map(PaymentRecord::orderId).orElse(null), original.map(PaymentRecord::buyerId).orElse(null),
                "XTR", amount, null, original.map(PaymentRecord::invoicePayload).orElse(null), null, 0, 0, null, null,
                SOURCE, null, review, occurredAt);
        if (!payments.insertIfNew(chargeback, clock.instant())) {
            return new Result(Outcome.ALREADY_RECORDED, null, null);
        }
        Money taken = currencies.money(amount, "XTR");
        booked.ifPresent(p -> ledger.post(LedgerEntries.chargeback(p, taken, "chargeback:" + chargeId, occurredAt)));
        Optional.ofNullable(chargeback.orderId()).ifPresent(id -> orders.note(id, "CHARGEBACK",
                "Telegram charged back " + taken.display() + " (charge " + chargeId + "), found by reconciliation"));
        return result(chargeback);
    }

    /** Every Stars payment and renewal on file, oldest first. */
    @Transactional(readOnly = true)
    public List<LocalCharge> starsCharges() {
        return sql.list("SELECT telegram_payment_charge_id, kind, order_id, total_amount, occurred_at FROM payments "
                        + "WHERE currency = 'XTR' AND kind IN ('PAYMENT', 'RENEWAL') ORDER BY occurred_at, id",
                Sql.Binder.NONE, row -> new LocalCharge(row.getString(1), row.getString(2),
                        row.getObject(3, UUID.class), row.getLong(4), row.getTimestamp(5).toInstant()));
    }

    /** The payment or renewal of this charge id (one charge id is never both). */
    private Optional<PaymentRecord> charged(String chargeId) {
        return payments.find(chargeId, PaymentKind.PAYMENT).or(() -> payments.find(chargeId, PaymentKind.RENEWAL));
    }

    private Result result(PaymentRecord record) {
        return new Result(record.needsReview() ? Outcome.RECORDED_FOR_REVIEW : Outcome.RECORDED, record.orderId(),
                record.reviewReason());
    }
}

package dev.starshop.checkout;

import dev.starshop.buyer.Buyer;
import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.LedgerEntries;
import dev.starshop.ledger.LedgerTransaction;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.order.OrderPayments;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
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
    private final ChargebackEvents chargebacks;
    private final Clock clock;

    ReconciliationBook(PaymentRecorder paymentRecorder, RefundRecorder refundRecorder, PaymentRepository payments,
                       OrderPayments orders, Ledger ledger, CurrencyTable currencies, FoundPayments found, Sql sql,
                       ChargebackEvents chargebacks, Clock clock) {
        this.paymentRecorder = paymentRecorder;
        this.refundRecorder = refundRecorder;
        this.payments = payments;
        this.orders = orders;
        this.ledger = ledger;
        this.currencies = currencies;
        this.found = found;
        this.sql = sql;
        this.chargebacks = chargebacks;
        this.clock = clock;
    }

    /**
     * An incoming Stars payment with no update behind it; the payload decides the order, as for an
     * update. With a subscription period it starts or renews a subscription (see {@link FoundPayments}).
     */
    @Transactional
    public Result recordFoundPayment(String chargeId, long amount, Buyer buyer, @Nullable String payload,
                                     @Nullable Integer subscriptionPeriodSeconds, Instant occurredAt) {
        if (payments.charge(chargeId).isPresent()) {
            return new Result(Outcome.ALREADY_RECORDED, null, null);
        }
        ReportedPayment paid = found.asReported(chargeId, amount, buyer, payload, subscriptionPeriodSeconds, occurredAt);
        if (!paymentRecorder.record(paid)) {
            return new Result(Outcome.ALREADY_RECORDED, null, null);
        }
        return result(payments.charge(chargeId).orElseThrow());
    }

    /** A refund to the user made outside the engine (another tool, Telegram support). */
    @Transactional
    public Result recordOutsideRefund(String chargeId, long amount, Instant occurredAt) {
        ReportedRefund refund = ReportedRefund.foundByReconciliation(chargeId, currencies.money(amount, "XTR"),
                occurredAt);
        return refundRecorder.record(refund).map(this::result)
                .orElseGet(() -> new Result(Outcome.ALREADY_RECORDED, null, null));
    }

    /**
     * Telegram took a payment's or a renewal's Stars back: a CHARGEBACK row linked to the charge's
     * order and buyer and, when we booked the charge, its reversal.
     */
    @Transactional
    public Result recordChargeback(String chargeId, long amount, Instant occurredAt) {
        Optional<PaymentRecord> original = payments.charge(chargeId);
        Optional<LedgerTransaction> booked = ledger.byExternalKey(PaymentKeys.ledgerPayment(chargeId));
        String review = booked.isEmpty() ? "chargeback of a charge we have no booked payment for" : null;
        Money taken = currencies.money(amount, "XTR");
        PaymentRecord chargeback = PaymentRecord.chargeback(chargeId, taken, original, review, occurredAt);
        if (!payments.insertIfNew(chargeback, clock.instant())) {
            return new Result(Outcome.ALREADY_RECORDED, null, null);
        }
        booked.ifPresent(p -> ledger.post(LedgerEntries.chargeback(p, taken, PaymentKeys.ledgerChargeback(chargeId),
                occurredAt)));
        Optional.ofNullable(chargeback.orderId()).ifPresent(id -> orders.chargedBack(id,
                "Telegram charged back " + taken.display() + " (charge " + chargeId + "), found by reconciliation"));
        chargebacks.recorded(chargeback);
        return result(chargeback);
    }

    /** Every Stars payment and renewal on file, oldest first. */
    @Transactional(readOnly = true)
    public List<LocalCharge> starsCharges() {
        return sql.list("SELECT telegram_payment_charge_id, kind, order_id, total_amount, occurred_at FROM payments "
                        + "WHERE currency = 'XTR' AND kind IN ('PAYMENT', 'RENEWAL') ORDER BY occurred_at, id",
                Params.none(), row -> new LocalCharge(row.getString("telegram_payment_charge_id"),
                        row.getString("kind"), row.getUuid("order_id"), row.getLong("total_amount"),
                        row.getInstant("occurred_at")));
    }

    private Result result(PaymentRecord record) {
        return new Result(record.needsReview() ? Outcome.RECORDED_FOR_REVIEW : Outcome.RECORDED, record.orderId(),
                record.reviewReason());
    }
}

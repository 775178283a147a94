package dev.starshop.checkout;

import dev.starshop.money.Currency;
import dev.starshop.money.Money;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of {@code payments}: money reported to checkout, exactly as reported. Built by the named
 * factories below, one per kind; the canonical constructor is for the repository's reads.
 *
 * @param total        what moved, in the charge's currency
 * @param parties      who and what the money belongs to
 * @param split        a card payment's shipping and tip (zero otherwise)
 * @param reference    the provider's refund id for an operator's card refund
 * @param reviewReason why a person must look at it, or null
 */
record PaymentRecord(String chargeId, PaymentKind kind, PaymentSource source, Money total, Parties parties,
                     CardSplit split, @Nullable Instant subscriptionExpiresAt, @Nullable String orderInfoJson,
                     @Nullable String reference, @Nullable String reviewReason, Instant occurredAt) {

    /** The order, buyer and charge ids a row links to; any may be unknown. */
    record Parties(@Nullable UUID orderId, @Nullable Long buyerId, @Nullable String providerChargeId,
                   @Nullable String invoicePayload) {
    }

    /** How much of a card total was shipping and tip, and the option chosen. */
    record CardSplit(@Nullable String shippingOptionId, Money shipping, Money tip) {
        static CardSplit none(Currency currency) {
            return new CardSplit(null, Money.zero(currency), Money.zero(currency));
        }
    }

    /** A first (or only) payment; {@code amounts} is empty when the order cannot explain the total. */
    static PaymentRecord payment(ReportedPayment paid, @Nullable UUID orderId, Optional<CardAmounts> amounts,
                                 @Nullable String reviewReason) {
        Currency currency = paid.total().currency();
        CardSplit split = new CardSplit(paid.shippingOptionId(),
                amounts.map(CardAmounts::shipping).orElse(Money.zero(currency)),
                amounts.map(CardAmounts::tip).orElse(Money.zero(currency)));
        return new PaymentRecord(paid.chargeId(), PaymentKind.PAYMENT, paid.source(), paid.total(),
                partiesOf(paid, orderId), split, paid.subscriptionExpiresAt(), paid.orderInfoJson(), null,
                reviewReason, paid.occurredAt());
    }

    /** A subscription's renewal, booked to the renewal order made for it (null when the subscription is unknown). */
    static PaymentRecord renewal(ReportedPayment paid, @Nullable UUID renewalOrderId, @Nullable String reviewReason) {
        return new PaymentRecord(paid.chargeId(), PaymentKind.RENEWAL, paid.source(), paid.total(),
                partiesOf(paid, renewalOrderId), CardSplit.none(paid.total().currency()), paid.subscriptionExpiresAt(),
                null, null, reviewReason, paid.occurredAt());
    }

    /** A refund, linked to the charge it returns when that is on file. */
    static PaymentRecord refund(ReportedRefund refund, Optional<PaymentRecord> original, @Nullable UUID orderId,
                                @Nullable String reviewReason) {
        Parties parties = new Parties(orderId, original.map(PaymentRecord::buyerId).orElse(null),
                original.map(PaymentRecord::providerChargeId).orElse(null),
                original.map(PaymentRecord::invoicePayload).orElse(null));
        return new PaymentRecord(refund.chargeId(), PaymentKind.REFUND, refund.source(), refund.amount(), parties,
                CardSplit.none(refund.amount().currency()), null, null, refund.reference(), reviewReason,
                refund.occurredAt());
    }

    /** Telegram took a charge's Stars back (found by reconciliation). */
    static PaymentRecord chargeback(String chargeId, Money taken, Optional<PaymentRecord> original,
                                    @Nullable String reviewReason, Instant occurredAt) {
        Parties parties = new Parties(original.map(PaymentRecord::orderId).orElse(null),
                original.map(PaymentRecord::buyerId).orElse(null), null,
                original.map(PaymentRecord::invoicePayload).orElse(null));
        return new PaymentRecord(chargeId, PaymentKind.CHARGEBACK, PaymentSource.RECONCILIATION, taken, parties,
                CardSplit.none(taken.currency()), null, null, null, reviewReason, occurredAt);
    }

    private static Parties partiesOf(ReportedPayment paid, @Nullable UUID orderId) {
        return new Parties(orderId, paid.buyer().telegramUserId(), paid.providerChargeId(), paid.orderRef());
    }

    @Nullable
    UUID orderId() {
        return parties.orderId();
    }

    @Nullable
    Long buyerId() {
        return parties.buyerId();
    }

    @Nullable
    String providerChargeId() {
        return parties.providerChargeId();
    }

    @Nullable
    String invoicePayload() {
        return parties.invoicePayload();
    }

    boolean needsReview() {
        return reviewReason != null;
    }

    boolean isCharge() {
        return kind == PaymentKind.PAYMENT || kind == PaymentKind.RENEWAL;
    }
}

package dev.starshop.checkout;

import dev.starshop.money.Money;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A refund of one charge, whoever reports it first: Telegram's refunded_payment update, the
 * operator, or reconciliation. Recorded once per {@code chargeId}.
 *
 * @param reference     the provider's refund id (card refunds made by the operator)
 * @param receiptChatId the chat to tell the buyer in, or null to tell nobody
 * @param languageCode  the buyer's language for that message, when known
 */
public record ReportedRefund(String chargeId, Money amount, PaymentSource source, @Nullable String reference,
                             Instant occurredAt, @Nullable Long receiptChatId, @Nullable String languageCode) {

    /** Telegram's refunded_payment: the buyer hears of it in the chat the update came from. */
    public static ReportedRefund fromTelegram(String chargeId, Money amount, Instant occurredAt, long chatId,
                                              @Nullable String languageCode) {
        return new ReportedRefund(chargeId, amount, PaymentSource.TELEGRAM, null, occurredAt, chatId, languageCode);
    }

    /** The operator refunded (Stars through the engine, cards at the provider with its reference). */
    static ReportedRefund byOperator(String chargeId, Money amount, @Nullable String reference, Instant occurredAt,
                                     @Nullable Long buyerChatId) {
        return new ReportedRefund(chargeId, amount, PaymentSource.OPERATOR, reference, occurredAt, buyerChatId, null);
    }

    /** A refund made outside the engine, found in Telegram's Stars history; nobody is messaged. */
    static ReportedRefund foundByReconciliation(String chargeId, Money amount, Instant occurredAt) {
        return new ReportedRefund(chargeId, amount, PaymentSource.RECONCILIATION, null, occurredAt, null, null);
    }
}

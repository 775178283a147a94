package dev.starshop.checkout;

import dev.starshop.buyer.Buyer;
import dev.starshop.telegram.botapi.SendMessage;
import dev.starshop.telegram.outbox.BotOutbox;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Messages to the buyer about their money, queued in the payment's transaction and sent after it
 * commits, once per charge (the dedupe keys are {@link PaymentKeys}'). Sending through the bot
 * outbox is checkout's one remaining use of Telegram's types: a message is the bot's to send.
 */
@Singleton
class Receipts {

    private final BotOutbox outbox;

    Receipts(BotOutbox outbox) {
        this.outbox = outbox;
    }

    void paymentReceived(Buyer buyer, PaymentRecord payment) {
        CheckoutTexts texts = CheckoutTexts.forLanguage(buyer.languageCode());
        String template = payment.needsReview() ? texts.receiptNeedsReview : texts.receipt;
        String text = String.format(template, payment.total().display(), shortId(payment));
        outbox.add(PaymentKeys.receipt(payment.kind(), payment.chargeId()),
                SendMessage.text(buyer.telegramUserId(), text));
    }

    void refunded(long chatId, @Nullable String languageCode, PaymentRecord refund) {
        String text = String.format(CheckoutTexts.forLanguage(languageCode).refunded, refund.total().display(),
                shortId(refund));
        outbox.enqueue(PaymentKeys.refundReceipt(refund.chargeId()), SendMessage.text(chatId, text));
    }

    private static String shortId(PaymentRecord payment) {
        return payment.orderId() == null ? "?" : payment.orderId().toString().substring(0, 8);
    }
}

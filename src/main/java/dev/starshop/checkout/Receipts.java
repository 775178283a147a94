package dev.starshop.checkout;

import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.telegram.botapi.SendMessage;
import dev.starshop.telegram.botapi.User;
import dev.starshop.telegram.outbox.BotOutbox;
import jakarta.inject.Singleton;

/**
 * Messages to the buyer about their money, queued in the payment's transaction and sent after it
 * commits, once per charge (the dedupe key is the charge id).
 */
@Singleton
class Receipts {

    private final BotOutbox outbox;
    private final CurrencyTable currencies;

    Receipts(BotOutbox outbox, CurrencyTable currencies) {
        this.outbox = outbox;
        this.currencies = currencies;
    }

    void paymentReceived(User buyer, Money total, PaymentRecord payment) {
        CheckoutTexts texts = CheckoutTexts.forLanguage(buyer.languageCode());
        String template = payment.needsReview() ? texts.receiptNeedsReview : texts.receipt;
        String text = String.format(template, total.display(), shortId(payment));
        outbox.enqueue("receipt:" + payment.kind() + ":" + payment.chargeId(), SendMessage.text(buyer.id(), text));
    }

    void refunded(long chatId, String languageCode, PaymentRecord refund) {
        String text = String.format(CheckoutTexts.forLanguage(languageCode).refunded,
                currencies.money(refund.totalAmount(), refund.currency()).display(), shortId(refund));
        outbox.enqueue("refund:" + refund.chargeId(), SendMessage.text(chatId, text));
    }

    private static String shortId(PaymentRecord payment) {
        return payment.orderId() == null ? "?" : payment.orderId().toString().substring(0, 8);
    }
}

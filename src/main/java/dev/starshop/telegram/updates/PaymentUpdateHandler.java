package dev.starshop.telegram.updates;

import java.util.List;
import java.util.Optional;

/**
 * The checkout domain's side of payment updates. Each method runs inside the transaction that
 * stores the update, so its database effects commit (or roll back) together with the inbox row.
 */
public interface PaymentUpdateHandler {

    void onPreCheckout(ClassifiedUpdate.PreCheckout update, AfterCommit after);

    void onShippingQuery(ClassifiedUpdate.ShippingRequest update, AfterCommit after);

    void onPaymentSucceeded(ClassifiedUpdate.PaymentSucceeded update, AfterCommit after);

    /**
     * A shared transaction is about to hand these payments to {@link #onPaymentSucceeded}, one by
     * one, in this order: what they will read may be read now for all of them. Only a hint.
     */
    default void beforePayments(List<ClassifiedUpdate.PaymentSucceeded> updates) {
    }

    void onPaymentRefunded(ClassifiedUpdate.PaymentRefunded update, AfterCommit after);

    /**
     * The database is unreachable, so this pre-checkout query cannot be decided or recorded; the
     * webhook answers 503 and Telegram redelivers it. Telegram only waits 10 s for the answer, so
     * the handler may return an answer to send at once, without the database (a refusal: the
     * buyer is not charged and can pay again in a minute).
     */
    Optional<BotCall> onPreCheckoutUnrecordable(ClassifiedUpdate.PreCheckout update);
}

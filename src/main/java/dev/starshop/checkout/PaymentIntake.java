package dev.starshop.checkout;

import java.util.List;

/**
 * How checkout hears about payments, in its own terms: adapters (Telegram's updates, reconciliation)
 * turn what they receive into these requests and reports, and turn the decisions into their own
 * answers. Each method runs in the caller's transaction, so its effects commit together with the
 * caller's (for an update: with its inbox row).
 */
public interface PaymentIntake {

    /** Whether to let the buyer pay; the order's timeline notes the decision. Database only: it must be fast. */
    PreCheckoutDecision preCheckout(PreCheckoutRequest request);

    /** The refusal to give at once, without the database, when the decision cannot be made or recorded now. */
    PreCheckoutDecision refuseWhileUnavailable(PreCheckoutRequest request);

    ShippingDecision shipping(ShippingRequest request);

    /**
     * A shared transaction is about to record these payments one by one ({@link #paymentReported}):
     * the orders they pay are locked now, in one statement. Only a hint; each payment is then
     * recorded exactly as it would be alone, and everything stays correct without this call.
     */
    default void paymentsAhead(List<ReportedPayment> payments) {
    }

    /** Records the payment; false when this charge is already on file (nothing was done). True queues a receipt. */
    boolean paymentReported(ReportedPayment payment);

    /** Records the refund; false when it is already on file. True with a receipt chat queues a message. */
    boolean refundReported(ReportedRefund refund);
}

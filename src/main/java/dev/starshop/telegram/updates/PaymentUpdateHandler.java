package dev.starshop.telegram.updates;

/**
 * The checkout domain's side of payment updates. Each method runs inside the transaction that
 * stores the update, so its database effects commit (or roll back) together with the inbox row.
 */
public interface PaymentUpdateHandler {

    void onPreCheckout(ClassifiedUpdate.PreCheckout update, AfterCommit after);

    void onShippingQuery(ClassifiedUpdate.ShippingRequest update, AfterCommit after);

    void onPaymentSucceeded(ClassifiedUpdate.PaymentSucceeded update, AfterCommit after);

    void onPaymentRefunded(ClassifiedUpdate.PaymentRefunded update, AfterCommit after);
}

package dev.starshop.sandbox;

/** Ends a payment attempt early; the message becomes the outcome's reason. */
final class PaymentFailed extends RuntimeException {
    PaymentFailed(String reason) {
        super(reason, null, false, false);
    }
}

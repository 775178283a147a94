package dev.starshop.checkout;

/** Who reported money to checkout (the {@code payments.source} column). */
public enum PaymentSource {
    /** A Telegram update: successful_payment or refunded_payment. */
    TELEGRAM,
    /** Found in Telegram's Stars history by reconciliation, with no update behind it. */
    RECONCILIATION,
    /** An operator, through the admin API (a refund). */
    OPERATOR
}

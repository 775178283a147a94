package dev.starshop.checkout;

/** What a payments row records. */
enum PaymentKind {
    PAYMENT,
    RENEWAL,
    REFUND,
    CHARGEBACK
}

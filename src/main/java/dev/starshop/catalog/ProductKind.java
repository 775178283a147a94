package dev.starshop.catalog;

/** What the shopper gets; it decides shipping (physical) and the invoice type (subscription). */
public enum ProductKind {
    DIGITAL,
    PHYSICAL,
    SUBSCRIPTION
}

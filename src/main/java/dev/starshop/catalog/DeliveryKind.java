package dev.starshop.catalog;

/**
 * What reaches the buyer after payment, besides the receipt (docs/fulfilment.md): nothing, a text
 * (message, link or instructions), one code from the product's pool per unit, or the product's file.
 */
public enum DeliveryKind {
    NONE,
    TEXT,
    CODES,
    FILE
}

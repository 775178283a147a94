package dev.starshop.promo;

/** Which lines of an order a code takes its discount off. */
enum PromoScope {
    /** Every line. */
    ALL,
    /** The lines of the products it lists by SKU. */
    SKUS,
    /** The lines whose product is in one of its catalog categories when the order is placed. */
    CATEGORIES
}

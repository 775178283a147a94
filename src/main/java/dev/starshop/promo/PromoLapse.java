package dev.starshop.promo;

/** Why an order's code no longer holds when the buyer comes to pay (checked again at pre-checkout). */
public enum PromoLapse {
    /** The operator deactivated the code after the order was placed. */
    WITHDRAWN,
    /** The code's validity window closed after the order was placed. */
    EXPIRED,
    /**
     * None of the order's lines is in the code's categories any more (a product moved to another
     * category, or the category was deleted, after the order was placed).
     */
    OUT_OF_SCOPE,
    /** The order's use was given back (the order expired or was cancelled), or was never taken. */
    NOT_RESERVED
}

package dev.starshop.money;

/** A programming error: amounts in different currencies were combined. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    CurrencyMismatchException(Currency left, Currency right) {
        super("Cannot combine " + left.code() + " with " + right.code());
    }
}

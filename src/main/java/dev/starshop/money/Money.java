package dev.starshop.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of one currency in its smallest unit (cents, Stars). Arithmetic never mixes
 * currencies and never overflows silently.
 *
 * @param amount   minor units (for XTR: whole Stars)
 * @param currency the currency the amount is in
 */
public record Money(long amount, Currency currency) implements Comparable<Money> {

    private static final String STAR = "\u2B50";

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amount, other.amount), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(amount, quantity), currency);
    }

    public boolean isPositive() {
        return amount > 0;
    }

    /** The amount as a decimal with the currency's exponent: 145 USD cents → 1.45. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(amount, currency.exponent());
    }

    /** Decimal text for exports and APIs: always {@code exponent} digits, no grouping ("1.45", "50"). */
    public String decimalText() {
        return toDecimal().toPlainString();
    }

    /** What a person reads: "1.45 USD", "50 ⭐". */
    public String display() {
        return currency.isStars() ? amount + " " + STAR : decimalText() + " " + currency.code();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amount, other.amount);
    }

    @Override
    public String toString() {
        return display();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.code().equals(other.currency.code())) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }
}

package dev.starshop.ledger;

import dev.starshop.money.StarQuantity;

import java.util.Objects;

/**
 * One line of a ledger transaction, in the transaction's currency.
 *
 * @param account the account it moves
 * @param amount  minor units, signed: positive = debit, negative = credit (for XTR: whole Stars)
 * @param nanos   Stars only: the 1/1,000,000,000 shares beyond {@code amount}, with its sign
 *                (-999,999,999..999,999,999); 0 for every other currency. Amount and nanos are
 *                never both zero.
 */
public record Posting(Account account, long amount, int nanos) {

    public Posting {
        Objects.requireNonNull(account, "account");
        if (amount == 0 && nanos == 0) {
            throw new UnbalancedTransactionException(LedgerInvariant.NO_ZERO_AMOUNTS, "zero posting to " + account.dbName());
        }
        if (Math.abs((long) nanos) >= StarQuantity.NANOS_PER_STAR || (amount > 0 && nanos < 0)
                || (amount < 0 && nanos > 0)) {
            throw new IllegalArgumentException("nanos " + nanos + " do not fit amount " + amount);
        }
    }

    /** A whole-unit posting (every currency; whole Stars). */
    public Posting(Account account, long amount) {
        this(account, amount, 0);
    }

    public static Posting debit(Account account, long amount) {
        return new Posting(account, requirePositive(amount));
    }

    public static Posting credit(Account account, long amount) {
        return new Posting(account, -requirePositive(amount));
    }

    /** A debit of an exact, possibly fractional, quantity of Stars. */
    public static Posting debit(Account account, StarQuantity stars) {
        requirePositive(stars);
        return new Posting(account, stars.wholeStars(), stars.nanosPart());
    }

    /** A credit of an exact, possibly fractional, quantity of Stars. */
    public static Posting credit(Account account, StarQuantity stars) {
        requirePositive(stars);
        StarQuantity negative = stars.negate();
        return new Posting(account, negative.wholeStars(), negative.nanosPart());
    }

    public boolean isDebit() {
        return amount > 0 || (amount == 0 && nanos > 0);
    }

    /** The signed quantity of Stars of an XTR posting. */
    public StarQuantity stars() {
        return StarQuantity.of(amount, nanos);
    }

    private static long requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("Debit and credit amounts are positive, got " + amount);
        }
        return amount;
    }

    private static void requirePositive(StarQuantity stars) {
        if (!stars.isPositive()) {
            throw new IllegalArgumentException("Debit and credit amounts are positive, got " + stars);
        }
    }
}

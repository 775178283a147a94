package dev.starshop.ledger;

import java.util.Objects;

/**
 * One line of a ledger transaction, in the transaction's currency.
 *
 * @param account the account it moves
 * @param amount  minor units, signed: positive = debit, negative = credit; never zero
 */
public record Posting(Account account, long amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        if (amount == 0) {
            throw new UnbalancedTransactionException(LedgerInvariant.NO_ZERO_AMOUNTS, "zero posting to " + account.dbName());
        }
    }

    public static Posting debit(Account account, long amount) {
        return new Posting(account, requirePositive(amount));
    }

    public static Posting credit(Account account, long amount) {
        return new Posting(account, -requirePositive(amount));
    }

    public boolean isDebit() {
        return amount > 0;
    }

    private static long requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("Debit and credit amounts are positive, got " + amount);
        }
        return amount;
    }
}

package dev.starshop.ledger;

/**
 * A programming error: code tried to build a ledger transaction that breaks a balance rule. It is
 * never a client's fault, so it is not a problem response; it fails the surrounding transaction.
 */
public final class UnbalancedTransactionException extends IllegalArgumentException {

    private final LedgerInvariant invariant;

    UnbalancedTransactionException(LedgerInvariant invariant, String detail) {
        super("Ledger invariant " + invariant + " (" + invariant.rule() + ") broken: " + detail);
        this.invariant = invariant;
    }

    public LedgerInvariant invariant() {
        return invariant;
    }
}

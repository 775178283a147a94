package dev.starshop.ledger;

/** The rules the ledger keeps, by the names used in exceptions, database errors and checks. */
public enum LedgerInvariant {
    NON_EMPTY("a transaction has at least one posting"),
    NO_ZERO_AMOUNTS("no posting amount is zero"),
    BALANCED("a transaction's postings sum to zero (debits = credits)"),
    SINGLE_CURRENCY("every posting is in its transaction's currency"),
    REVERSAL_LINK("refunds and chargebacks reverse a payment or renewal; payments reverse nothing"),
    REVERSED_AT_MOST_ONCE("a transaction is refunded at most once and charged back at most once"),
    NOT_OVER_REVERSED("reversals of a transaction do not exceed its total"),
    APPEND_ONLY("ledger rows are never updated or deleted");

    private final String rule;

    LedgerInvariant(String rule) {
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}

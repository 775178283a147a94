package dev.starshop.ledger;

/** What a ledger transaction records. Stored by name. */
public enum EntryKind {
    PAYMENT,
    /** A subscription period paid again (Stars subscriptions). */
    RENEWAL,
    REFUND,
    CHARGEBACK;

    /** Refunds and chargebacks correct an earlier payment and must point at it. */
    public boolean isReversal() {
        return this == REFUND || this == CHARGEBACK;
    }
}

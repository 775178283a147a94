package dev.starshop.backoffice.reconciliation;

/** A discrepancy between Telegram's Stars history and our payments. */
enum FindingKind {
    /** Telegram received a payment no update told us about (a lost update). */
    MISSING_PAYMENT,
    /** Telegram refunded a payment to the user without us recording the refund. */
    OUTSIDE_REFUND,
    /** Telegram took a payment's Stars back (receiver not a user). */
    CHARGEBACK,
    /** We hold a Stars payment Telegram's history does not show. */
    UNKNOWN_TO_TELEGRAM,
    /** A Stars movement beyond invoices (gift, paid media, affiliate, withdrawal, fee) newly booked. */
    BOOKED,
    /** A known kind of Stars movement that Telegram's documentation does not let us book. */
    NOT_BOOKED,
    /** A partner or transaction type Bot API 10.1 does not describe, or an entry missing a field. */
    UNRECOGNISED,
    /** getMyStarBalance and the ledger's Stars position differ (docs/treasury.md). */
    TIE_OUT
}

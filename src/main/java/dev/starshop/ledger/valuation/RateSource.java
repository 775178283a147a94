package dev.starshop.ledger.valuation;

/** Where an XTR rate came from. Stored by name. */
public enum RateSource {
    /** Typed in by the operator (console or API). */
    OPERATOR,
    /** A row of an imported CSV file. */
    CSV_IMPORT,
    /** The rate a Fragment withdrawal realised: the fiat the operator received over the Stars withdrawn. */
    FRAGMENT_WITHDRAWAL
}

package dev.starshop.backoffice.reconciliation;

/** What the run did about a finding. */
enum FindingAction {
    /** Recorded in payments and the ledger; nothing left to do. */
    RECORDED,
    /** Recorded, but the payment or its order needs a person (NEEDS_REVIEW). */
    RECORDED_FOR_REVIEW,
    /** Nothing changed; a person must look. */
    FLAGGED,
    /** Recording failed and was rolled back; the next run tries again. */
    FAILED
}

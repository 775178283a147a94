package dev.starshop.telegram.outbox;

/** Where an outbox row stands. Only PENDING rows are ever sent. */
enum OutboxStatus {
    PENDING,
    /**
     * Claimed for a call. An orderly stop settles or releases every such row; only a crash mid-call
     * leaves one SENDING, and it is never resent.
     */
    SENDING,
    SENT,
    /** Telegram refused the call (blocked bot, unknown chat) or retries ran out. */
    FAILED,
    /** The call timed out: Telegram may have delivered it, so it is not repeated. */
    UNKNOWN
}

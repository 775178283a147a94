package dev.starshop.telegram.outbox;

/** Where an outbox row stands. Only PENDING rows are ever sent. */
enum OutboxStatus {
    PENDING,
    /** Claimed for a call; stays so if the engine stopped mid-call (never resent). */
    SENDING,
    SENT,
    /** Telegram refused the call (blocked bot, unknown chat) or retries ran out. */
    FAILED,
    /** The call timed out: Telegram may have delivered it, so it is not repeated. */
    UNKNOWN
}

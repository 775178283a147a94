package dev.starshop.fulfilment;

/** Where one unit's delivery stands (docs/fulfilment.md, "States"). */
public enum DeliveryStatus {
    /** Decided, waiting for the sender (first time, or after a retryable failure). */
    PENDING,
    /** Claimed by a sender, which is calling Telegram now; its lease says until when. */
    SENDING,
    /** Telegram accepted the message or document. */
    SENT,
    /** Telegram refused it, the attempts ran out, or a code pool was empty: an operator retries. */
    FAILED,
    /** The order was refunded: nothing more is sent, codes are revoked, download links refused. */
    REVOKED
}

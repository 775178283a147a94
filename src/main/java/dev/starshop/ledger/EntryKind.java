package dev.starshop.ledger;

/** What a ledger transaction records. Stored by name. */
public enum EntryKind {
    PAYMENT,
    /** A subscription period paid again (Stars subscriptions). */
    RENEWAL,
    REFUND,
    CHARGEBACK,
    /** Paid media bought by a user (no order, no invoice). */
    PAID_MEDIA,
    /** Commission an affiliate earned out of one of our sales. */
    AFFILIATE_COMMISSION,
    /** Commission we earned as a sponsor's affiliate. */
    AFFILIATE_INCOME,
    /** Telegram Ads top-ups and paid-broadcast (API) fees. */
    TELEGRAM_FEE,
    /** A gift or Telegram Premium the bot bought. */
    GIFT,
    /** Stars sent to Fragment (in transit until it succeeds or fails). */
    WITHDRAWAL,
    /** Fragment confirmed the withdrawal. */
    WITHDRAWAL_SUCCEEDED,
    /** The withdrawal failed and Telegram returned its Stars. */
    WITHDRAWAL_RETURNED;

    /** Refunds and chargebacks correct an earlier payment and must point at it. */
    public boolean isReversal() {
        return this == REFUND || this == CHARGEBACK;
    }
}

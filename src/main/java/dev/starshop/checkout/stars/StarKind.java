package dev.starshop.checkout.stars;

/**
 * What a Stars movement is, for the books. {@link StarClassifier} decides it from the partner type
 * and, for users, {@code transaction_type}; docs/treasury.md lists each with its accounts.
 */
public enum StarKind {
    /** A user paid an invoice (incoming, user, invoice_payment). */
    INVOICE_PAYMENT,
    /** We refunded an invoice payment (outgoing, user, invoice_payment). */
    INVOICE_REFUND,
    /** Telegram took a payment back (outgoing, not to a user, with the id of a payment in the history). */
    CHARGEBACK,
    /** A user bought paid media (incoming, user, paid_media_payment). */
    PAID_MEDIA_SALE,
    /** A paid-media purchase given back (outgoing, user, paid_media_payment). */
    PAID_MEDIA_REFUND,
    /** The bot sent a user a gift (outgoing, user, gift_purchase). */
    GIFT_PURCHASE,
    /** The bot gifted Telegram Premium (outgoing, user, premium_purchase). */
    PREMIUM_PURCHASE,
    /** Stars moved from a managed business account (user, business_account_transfer). */
    BUSINESS_TRANSFER,
    /** The bot sent a chat a gift (outgoing, chat, with a gift). */
    CHAT_GIFT,
    /** Any other movement with a chat (e.g. a channel subscription): not the shop's receivable. */
    CHAT_OTHER,
    /** Commission earned as a sponsor's affiliate (incoming, affiliate_program). */
    AFFILIATE_INCOME,
    /** A withdrawal to Fragment in progress (outgoing, fragment, pending or no state). */
    WITHDRAWAL_PENDING,
    /** A withdrawal to Fragment that succeeded (outgoing, fragment, succeeded). */
    WITHDRAWAL_SUCCEEDED,
    /** A withdrawal to Fragment that failed; its Stars came back (outgoing, fragment, failed). */
    WITHDRAWAL_FAILED,
    /** Fragment returning the Stars of a failed withdrawal (incoming, fragment). */
    WITHDRAWAL_RETURN,
    /** Stars moved to Telegram Ads (outgoing, telegram_ads). */
    ADS_TOP_UP,
    /** Paid broadcasting billed by Telegram (outgoing, telegram_api). */
    API_FEE,
    /** Telegram's "other" partner, not a chargeback: nothing says what it is. */
    OTHER,
    /** A partner or transaction type we do not know, or a movement in a direction its type never has. */
    UNKNOWN
}

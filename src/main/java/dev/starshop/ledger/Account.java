package dev.starshop.ledger;

import java.util.Locale;

/**
 * The ledger's accounts. Each exists once per currency; balances are never summed across
 * currencies. {@link #dbName()} is what the database stores and the API shows: it must never change.
 */
public enum Account {
    /** Stars Telegram owes the shop for paid invoices. */
    TELEGRAM_STARS_RECEIVABLE,
    /** Card money the payment provider (e.g. Stripe) owes the shop. */
    PROVIDER_RECEIVABLE,
    SALES_REVENUE,
    SHIPPING_REVENUE,
    TIPS_REVENUE,
    /** Contra-revenue: refunds given back to buyers. */
    SALES_REFUNDS,
    /** Contra-revenue: what promo codes took off sales (sales_revenue is booked gross). */
    SALES_DISCOUNTS,
    /** Money Telegram took back after a dispute, found by reconciliation. */
    CHARGEBACKS,
    /** Expense: commission affiliates earned out of our Stars sales. */
    AFFILIATE_COMMISSIONS,
    /** Income: commission we earned as another bot's affiliate. */
    AFFILIATE_INCOME,
    /** Expense: Telegram's fees (paid broadcasts over the API) and Telegram Ads top-ups. */
    TELEGRAM_FEES,
    /** Expense: gifts and Telegram Premium the bot bought for users or chats. */
    GIFTS_EXPENSE,
    /** Stars on their way to Fragment: a withdrawal started and not yet succeeded or failed. */
    STARS_IN_TRANSIT,
    /** Stars withdrawn to Fragment for good (they left Telegram). */
    STARS_WITHDRAWN;

    private final String dbName = name().toLowerCase(Locale.ROOT);

    public String dbName() {
        return dbName;
    }

    /** True for the accounts that hold money owed to the shop; refunds credit these. */
    public boolean isReceivable() {
        return this == TELEGRAM_STARS_RECEIVABLE || this == PROVIDER_RECEIVABLE;
    }

    public static Account fromDbName(String dbName) {
        for (Account account : values()) {
            if (account.dbName.equals(dbName)) {
                return account;
            }
        }
        throw new IllegalArgumentException("Unknown ledger account '" + dbName + "'");
    }
}

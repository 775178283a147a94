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
    CHARGEBACKS;

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

package dev.starshop.ledger;

import dev.starshop.money.CurrencyTable;
import dev.starshop.money.StarQuantity;

import java.util.List;

/**
 * The Stars movements that are not invoice payments: each kind of Telegram Star transaction the
 * treasury books, with its two accounts (docs/ledger.md, "Stars beyond invoices"). Amounts are
 * exact quantities of Stars; fractions land in the postings' nanos.
 */
public final class StarsEntries {

    private StarsEntries() {
    }

    /** A user bought paid media: debit telegram_stars_receivable, credit sales_revenue. */
    public static NewTransaction paidMedia(EntryRef ref, StarQuantity stars) {
        return move(EntryKind.PAID_MEDIA, ref, stars, Account.TELEGRAM_STARS_RECEIVABLE, Account.SALES_REVENUE);
    }

    /** An affiliate's commission out of our sale: debit affiliate_commissions, credit telegram_stars_receivable. */
    public static NewTransaction affiliateCommission(EntryRef ref, StarQuantity stars) {
        return move(EntryKind.AFFILIATE_COMMISSION, ref, stars, Account.AFFILIATE_COMMISSIONS,
                Account.TELEGRAM_STARS_RECEIVABLE);
    }

    /** Commission we earned as a sponsor's affiliate: debit telegram_stars_receivable, credit affiliate_income. */
    public static NewTransaction affiliateIncome(EntryRef ref, StarQuantity stars) {
        return move(EntryKind.AFFILIATE_INCOME, ref, stars, Account.TELEGRAM_STARS_RECEIVABLE,
                Account.AFFILIATE_INCOME);
    }

    /** Telegram Ads top-up or paid-broadcast fee: debit telegram_fees, credit telegram_stars_receivable. */
    public static NewTransaction telegramFee(EntryRef ref, StarQuantity stars) {
        return move(EntryKind.TELEGRAM_FEE, ref, stars, Account.TELEGRAM_FEES, Account.TELEGRAM_STARS_RECEIVABLE);
    }

    /** A gift or Premium the bot bought: debit gifts_expense, credit telegram_stars_receivable. */
    public static NewTransaction gift(EntryRef ref, StarQuantity stars) {
        return move(EntryKind.GIFT, ref, stars, Account.GIFTS_EXPENSE, Account.TELEGRAM_STARS_RECEIVABLE);
    }

    /** A withdrawal to Fragment started: debit stars_in_transit, credit telegram_stars_receivable. */
    public static NewTransaction withdrawalStarted(EntryRef ref, StarQuantity stars) {
        return move(EntryKind.WITHDRAWAL, ref, stars, Account.STARS_IN_TRANSIT, Account.TELEGRAM_STARS_RECEIVABLE);
    }

    /** Fragment confirmed it: debit stars_withdrawn, credit stars_in_transit. */
    public static NewTransaction withdrawalSucceeded(EntryRef ref, StarQuantity stars) {
        return move(EntryKind.WITHDRAWAL_SUCCEEDED, ref, stars, Account.STARS_WITHDRAWN, Account.STARS_IN_TRANSIT);
    }

    /** It failed and Telegram gave the Stars back: debit telegram_stars_receivable, credit stars_in_transit. */
    public static NewTransaction withdrawalReturned(EntryRef ref, StarQuantity stars) {
        return move(EntryKind.WITHDRAWAL_RETURNED, ref, stars, Account.TELEGRAM_STARS_RECEIVABLE,
                Account.STARS_IN_TRANSIT);
    }

    private static NewTransaction move(EntryKind kind, EntryRef ref, StarQuantity stars, Account debit,
                                       Account credit) {
        if (!stars.isPositive()) {
            throw new IllegalArgumentException("A " + kind + " moves a positive quantity of Stars, not " + stars);
        }
        return new NewTransaction(ref.externalKey(), kind, CurrencyTable.STARS, ref.occurredAt(), ref.orderId(),
                ref.buyerId(), ref.telegramChargeId(), ref.providerChargeId(), null,
                List.of(Posting.debit(debit, stars), Posting.credit(credit, stars)));
    }
}

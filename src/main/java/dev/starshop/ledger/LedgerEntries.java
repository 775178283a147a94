package dev.starshop.ledger;

import dev.starshop.money.Currency;
import dev.starshop.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the transaction for each business event with the postings of the chart in
 * docs/ledger.md, so callers never assemble postings by hand.
 */
public final class LedgerEntries {

    private LedgerEntries() {
    }

    /** Stars paid for an order: debit telegram_stars_receivable, credit sales_revenue. */
    public static NewTransaction starsPayment(EntryRef ref, Money amount) {
        return stars(EntryKind.PAYMENT, ref, amount);
    }

    /**
     * Stars paid for an order a promo code discounted: debit telegram_stars_receivable with what was
     * paid and sales_discounts with the discount; credit sales_revenue with the gross (their sum).
     */
    public static NewTransaction starsPayment(EntryRef ref, Money paid, Money discount) {
        if (!discount.isPositive()) {
            return starsPayment(ref, paid);
        }
        if (!paid.currency().isStars()) {
            throw new IllegalArgumentException("A Stars payment is in XTR, not " + paid.currency().code());
        }
        requirePositive(paid, "amount");
        Money gross = paid.plus(discount);
        return payment(EntryKind.PAYMENT, ref, paid.currency(), List.of(
                Posting.debit(Account.TELEGRAM_STARS_RECEIVABLE, paid.amount()),
                Posting.debit(Account.SALES_DISCOUNTS, discount.amount()),
                Posting.credit(Account.SALES_REVENUE, gross.amount())));
    }

    /** A Stars subscription renewed: booked like a payment, kept apart by its kind. */
    public static NewTransaction starsRenewal(EntryRef ref, Money amount) {
        return stars(EntryKind.RENEWAL, ref, amount);
    }

    /**
     * A card payment: debit provider_receivable with the total; credit sales_revenue with the
     * items, shipping_revenue and tips_revenue with the rest (zero parts get no posting).
     */
    public static NewTransaction cardPayment(EntryRef ref, Money items, Money shipping, Money tip) {
        return cardPayment(ref, items, shipping, tip, Money.zero(items.currency()));
    }

    /**
     * A card payment for items a promo code discounted: {@code items} is what was paid for them;
     * sales_revenue is credited gross (items + discount) and sales_discounts debited with the discount.
     */
    public static NewTransaction cardPayment(EntryRef ref, Money items, Money shipping, Money tip, Money discount) {
        Money total = items.plus(shipping).plus(tip); // refuses mixed currencies
        if (items.currency().isStars()) {
            throw new IllegalArgumentException("Card payments are never in Stars (XTR)");
        }
        requirePositive(items, "items");
        requireNotNegative(shipping, "shipping");
        requireNotNegative(tip, "tip");
        requireNotNegative(discount, "discount");
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(Account.PROVIDER_RECEIVABLE, total.amount()));
        if (discount.isPositive()) {
            postings.add(Posting.debit(Account.SALES_DISCOUNTS, discount.amount()));
        }
        postings.add(Posting.credit(Account.SALES_REVENUE, items.plus(discount).amount()));
        if (shipping.isPositive()) {
            postings.add(Posting.credit(Account.SHIPPING_REVENUE, shipping.amount()));
        }
        if (tip.isPositive()) {
            postings.add(Posting.credit(Account.TIPS_REVENUE, tip.amount()));
        }
        return payment(EntryKind.PAYMENT, ref, items.currency(), postings);
    }

    /**
     * The full refund of a payment or renewal: debit sales_refunds, credit the receivable the
     * money came in on. {@code refunded} is what Telegram reports and must be all the original
     * brought in (Telegram refunds in full); references are copied from the original.
     *
     * A discounted payment is reversed whole: sales_refunds is debited with the gross sale, the
     * receivable credited with what was paid and sales_discounts credited with the discount, so
     * after a refund the sale, its discount and the money are all gone from the books (a discount
     * on a sale that did not stand is no discount given).
     */
    public static NewTransaction refundOf(LedgerTransaction original, Money refunded, String externalKey,
                                          Instant occurredAt) {
        Account receivable = receivableOf(original);
        long discount = debited(original, Account.SALES_DISCOUNTS);
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(Account.SALES_REFUNDS, refunded.amount() + discount));
        postings.add(Posting.credit(receivable, refunded.amount()));
        if (discount > 0) {
            postings.add(Posting.credit(Account.SALES_DISCOUNTS, discount));
        }
        return reversal(EntryKind.REFUND, original, refunded, externalKey, occurredAt, postings);
    }

    /**
     * Telegram took back the Stars of a payment (found by reconciliation): debit chargebacks,
     * credit telegram_stars_receivable. {@code amount} is what reconciliation found taken back and
     * must be the original's whole total.
     */
    public static NewTransaction chargeback(LedgerTransaction original, Money amount, String externalKey,
                                            Instant occurredAt) {
        if (receivableOf(original) != Account.TELEGRAM_STARS_RECEIVABLE) {
            throw new IllegalArgumentException("Only Stars payments are charged back through Telegram; "
                    + original.externalKey() + " was not one");
        }
        return reversal(EntryKind.CHARGEBACK, original, amount, externalKey, occurredAt,
                List.of(Posting.debit(Account.CHARGEBACKS, amount.amount()),
                        Posting.credit(Account.TELEGRAM_STARS_RECEIVABLE, amount.amount())));
    }

    private static NewTransaction stars(EntryKind kind, EntryRef ref, Money amount) {
        if (!amount.currency().isStars()) {
            throw new IllegalArgumentException("A Stars payment is in XTR, not " + amount.currency().code());
        }
        requirePositive(amount, "amount");
        return payment(kind, ref, amount.currency(), List.of(
                Posting.debit(Account.TELEGRAM_STARS_RECEIVABLE, amount.amount()),
                Posting.credit(Account.SALES_REVENUE, amount.amount())));
    }

    private static NewTransaction payment(EntryKind kind, EntryRef ref, Currency currency, List<Posting> postings) {
        return new NewTransaction(ref.externalKey(), kind, currency, ref.occurredAt(), ref.orderId(), ref.buyerId(),
                ref.telegramChargeId(), ref.providerChargeId(), null, postings);
    }

    /**
     * Only whole reversals exist: a partial one would need its own rules (see docs/ledger.md).
     * Whole means all the money the original brought in: its receivable debit (the total, less any
     * promo discount).
     */
    private static NewTransaction reversal(EntryKind kind, LedgerTransaction original, Money amount,
                                           String externalKey, Instant occurredAt, List<Posting> postings) {
        long received = debited(original, receivableOf(original));
        if (!amount.currency().code().equals(original.currency()) || amount.amount() != received) {
            throw new IllegalArgumentException("A " + kind + " of " + original.externalKey() + " must be its whole "
                    + "total, " + received + " " + original.currency() + ", not " + amount);
        }
        return new NewTransaction(externalKey, kind, amount.currency(), occurredAt, original.orderId(), original.buyerId(),
                original.telegramChargeId(), original.providerChargeId(), original.id(), postings);
    }

    private static long debited(LedgerTransaction transaction, Account account) {
        return transaction.postings().stream().filter(p -> p.isDebit() && p.account() == account)
                .mapToLong(Posting::amount).sum();
    }

    /** The one receivable a payment debited; anything else is not a reversible payment. */
    private static Account receivableOf(LedgerTransaction original) {
        if (original.kind().isReversal()) {
            throw new IllegalArgumentException("Ledger invariant " + LedgerInvariant.REVERSAL_LINK + ": "
                    + original.externalKey() + " is a " + original.kind() + " and cannot itself be reversed");
        }
        List<Account> receivables = original.postings().stream()
                .filter(p -> p.isDebit() && p.account().isReceivable()).map(Posting::account).distinct().toList();
        if (receivables.size() != 1) {
            throw new IllegalArgumentException(original.externalKey() + " has no single receivable to reverse");
        }
        return receivables.get(0);
    }

    private static void requirePositive(Money money, String what) {
        if (!money.isPositive()) {
            throw new IllegalArgumentException(what + " must be positive, got " + money);
        }
    }

    private static void requireNotNegative(Money money, String what) {
        if (money.amount() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + money);
        }
    }
}

package dev.starshop.ledger;

import dev.starshop.money.Currency;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.starshop.ledger.Account.CHARGEBACKS;
import static dev.starshop.ledger.Account.PROVIDER_RECEIVABLE;
import static dev.starshop.ledger.Account.SALES_DISCOUNTS;
import static dev.starshop.ledger.Account.SALES_REFUNDS;
import static dev.starshop.ledger.Account.SALES_REVENUE;
import static dev.starshop.ledger.Account.SHIPPING_REVENUE;
import static dev.starshop.ledger.Account.TELEGRAM_STARS_RECEIVABLE;
import static dev.starshop.ledger.Account.TIPS_REVENUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart of postings per event, and the rules a transaction must meet before it is posted. */
class LedgerEntriesTest {

    static final Currency XTR = CurrencyTable.STARS;
    static final Currency USD = new Currency("USD", 2, 1, 1_000_000);
    static final Currency EUR = new Currency("EUR", 2, 1, 1_000_000);
    static final Instant AT = Instant.parse("2026-11-02T10:15:30Z");

    @Test
    void aStarsPaymentDebitsTheStarsReceivableAndCreditsSales() {
        NewTransaction tx = LedgerEntries.starsPayment(ref("p1"), new Money(50, XTR));

        assertEquals(EntryKind.PAYMENT, tx.kind());
        assertEquals("XTR", tx.currency().code());
        assertEquals(List.of(new Posting(TELEGRAM_STARS_RECEIVABLE, 50), new Posting(SALES_REVENUE, -50)),
                tx.postings());
    }

    @Test
    void aCardPaymentSplitsItemsShippingAndTip() {
        NewTransaction tx = LedgerEntries.cardPayment(ref("c1"), usd(1200), usd(300), usd(100));

        assertEquals(List.of(new Posting(PROVIDER_RECEIVABLE, 1600), new Posting(SALES_REVENUE, -1200),
                new Posting(SHIPPING_REVENUE, -300), new Posting(TIPS_REVENUE, -100)), tx.postings());
    }

    @Test
    void aDiscountedPaymentBooksGrossSalesAndTheDiscount() {
        NewTransaction stars = LedgerEntries.starsPayment(ref("d1"), new Money(150, XTR), new Money(50, XTR));
        NewTransaction card = LedgerEntries.cardPayment(ref("d2"), usd(1000), usd(300), usd(0), usd(200));

        assertEquals(List.of(new Posting(TELEGRAM_STARS_RECEIVABLE, 150), new Posting(SALES_DISCOUNTS, 50),
                new Posting(SALES_REVENUE, -200)), stars.postings());
        assertEquals(List.of(new Posting(PROVIDER_RECEIVABLE, 1300), new Posting(SALES_DISCOUNTS, 200),
                new Posting(SALES_REVENUE, -1200), new Posting(SHIPPING_REVENUE, -300)), card.postings());
        assertEquals(LedgerEntries.starsPayment(ref("d3"), new Money(150, XTR)).postings(),
                LedgerEntries.starsPayment(ref("d3"), new Money(150, XTR), new Money(0, XTR)).postings(),
                "no discount, no sales_discounts posting");
    }

    @Test
    void aRefundOfADiscountedPaymentGivesBackWhatWasPaidAndReversesTheDiscount() {
        LedgerTransaction paid = stored(11, LedgerEntries.starsPayment(ref("d4"), new Money(150, XTR),
                new Money(50, XTR)));

        NewTransaction refund = LedgerEntries.refundOf(paid, new Money(150, XTR), "refund:d4", AT);

        assertEquals(List.of(new Posting(SALES_REFUNDS, 200), new Posting(TELEGRAM_STARS_RECEIVABLE, -150),
                new Posting(SALES_DISCOUNTS, -50)), refund.postings());
        assertThrows(IllegalArgumentException.class,
                () -> LedgerEntries.refundOf(paid, new Money(200, XTR), "refund:d4", AT), "the gross was not paid");
        assertEquals(List.of(new Posting(CHARGEBACKS, 150), new Posting(TELEGRAM_STARS_RECEIVABLE, -150)),
                LedgerEntries.chargeback(paid, new Money(150, XTR), "chargeback:d4", AT).postings());
    }

    @Test
    void zeroShippingAndTipGetNoPosting() {
        NewTransaction tx = LedgerEntries.cardPayment(ref("c2"), usd(999), usd(0), usd(0));

        assertEquals(List.of(new Posting(PROVIDER_RECEIVABLE, 999), new Posting(SALES_REVENUE, -999)), tx.postings());
    }

    @Test
    void aCardPaymentRefusesMixedCurrenciesAndStars() {
        assertThrows(IllegalArgumentException.class,
                () -> LedgerEntries.cardPayment(ref("c3"), usd(1200), new Money(300, EUR), usd(0)));
        assertThrows(IllegalArgumentException.class,
                () -> LedgerEntries.cardPayment(ref("c4"), new Money(5, XTR), new Money(0, XTR), new Money(0, XTR)));
        assertThrows(IllegalArgumentException.class, () -> LedgerEntries.starsPayment(ref("c5"), usd(100)));
    }

    @Test
    void unbalancedEmptyAndZeroTransactionsAreRefusedNamingTheInvariant() {
        var unbalanced = assertThrows(UnbalancedTransactionException.class, () -> raw("u1",
                List.of(new Posting(PROVIDER_RECEIVABLE, 1600), new Posting(SALES_REVENUE, -1500))));
        assertEquals(LedgerInvariant.BALANCED, unbalanced.invariant());
        assertTrue(unbalanced.getMessage().contains("BALANCED"), unbalanced.getMessage());

        assertEquals(LedgerInvariant.NON_EMPTY,
                assertThrows(UnbalancedTransactionException.class, () -> raw("u2", List.of())).invariant());
        assertEquals(LedgerInvariant.NO_ZERO_AMOUNTS,
                assertThrows(UnbalancedTransactionException.class, () -> new Posting(SALES_REVENUE, 0)).invariant());
    }

    @Test
    void anOverflowThatWrapsToZeroIsNotBalanced() {
        assertThrows(ArithmeticException.class, () -> raw("o1", List.of(new Posting(SALES_REVENUE, Long.MAX_VALUE),
                new Posting(SALES_REVENUE, Long.MAX_VALUE), new Posting(SALES_REVENUE, 2))));
    }

    @Test
    void aRefundCreditsTheReceivableThePaymentCameInOn() {
        LedgerTransaction card = stored(1, LedgerEntries.cardPayment(ref("c6"), usd(1200), usd(300), usd(100)));
        LedgerTransaction stars = stored(2, LedgerEntries.starsPayment(ref("s6"), new Money(50, XTR)));

        NewTransaction cardRefund = LedgerEntries.refundOf(card, usd(1600), "refund:c6", AT);
        NewTransaction starsRefund = LedgerEntries.refundOf(stars, new Money(50, XTR), "refund:s6", AT);

        assertEquals(List.of(new Posting(SALES_REFUNDS, 1600), new Posting(PROVIDER_RECEIVABLE, -1600)),
                cardRefund.postings());
        assertEquals(1L, cardRefund.reversesTransactionId());
        assertEquals(card.orderId(), cardRefund.orderId());
        assertEquals(List.of(new Posting(SALES_REFUNDS, 50), new Posting(TELEGRAM_STARS_RECEIVABLE, -50)),
                starsRefund.postings());
    }

    @Test
    void onlyWholeRefundsOfPaymentsExist() {
        LedgerTransaction card = stored(3, LedgerEntries.cardPayment(ref("c7"), usd(1200), usd(0), usd(0)));
        LedgerTransaction refund = stored(4, LedgerEntries.refundOf(card, usd(1200), "refund:c7", AT));

        assertThrows(IllegalArgumentException.class, () -> LedgerEntries.refundOf(card, usd(600), "r", AT));
        assertThrows(IllegalArgumentException.class, () -> LedgerEntries.refundOf(card, new Money(1200, EUR), "r", AT));
        assertThrows(IllegalArgumentException.class, () -> LedgerEntries.refundOf(refund, usd(1200), "r", AT));
    }

    @Test
    void aChargebackTakesStarsBackFromTheReceivable() {
        LedgerTransaction stars = stored(5, LedgerEntries.starsPayment(ref("s8"), new Money(50, XTR)));
        LedgerTransaction card = stored(6, LedgerEntries.cardPayment(ref("c8"), usd(100), usd(0), usd(0)));

        NewTransaction chargeback = LedgerEntries.chargeback(stars, new Money(50, XTR), "chargeback:s8", AT);

        assertEquals(EntryKind.CHARGEBACK, chargeback.kind());
        assertEquals(List.of(new Posting(CHARGEBACKS, 50), new Posting(TELEGRAM_STARS_RECEIVABLE, -50)),
                chargeback.postings());
        assertThrows(IllegalArgumentException.class, () -> LedgerEntries.chargeback(card, usd(100), "cb", AT));
    }

    @Test
    void reversalsMustNameWhatTheyReverseAndPaymentsMustNot() {
        List<Posting> postings = List.of(new Posting(SALES_REFUNDS, 5), new Posting(PROVIDER_RECEIVABLE, -5));
        assertThrows(IllegalArgumentException.class, () -> new NewTransaction("x", EntryKind.REFUND, USD, AT,
                null, null, null, null, null, postings));
        assertThrows(IllegalArgumentException.class, () -> new NewTransaction("y", EntryKind.PAYMENT, USD, AT,
                null, null, null, null, 7L, postings));
    }

    @Test
    void sameContentIgnoresPostingOrderButNotAmounts() {
        NewTransaction tx = LedgerEntries.cardPayment(ref("c9"), usd(1200), usd(300), usd(100));
        LedgerTransaction stored = stored(9, tx);
        NewTransaction reordered = new NewTransaction(tx.externalKey(), tx.kind(), tx.currency(), tx.occurredAt(),
                tx.orderId(), tx.buyerId(), tx.telegramChargeId(), tx.providerChargeId(), null,
                reverse(tx.postings()));

        assertTrue(stored.sameContentAs(reordered));
        assertTrue(!stored.sameContentAs(LedgerEntries.cardPayment(ref("c9"), usd(1200), usd(300), usd(200))));
    }

    private static List<Posting> reverse(List<Posting> postings) {
        List<Posting> copy = new java.util.ArrayList<>(postings);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static Money usd(long cents) {
        return new Money(cents, USD);
    }

    static EntryRef ref(String key) {
        return new EntryRef(key, AT, UUID.nameUUIDFromBytes(key.getBytes()), 42L, "tg-" + key, null);
    }

    private static NewTransaction raw(String key, List<Posting> postings) {
        return new NewTransaction(key, EntryKind.PAYMENT, USD, AT, null, null, null, null, null, postings);
    }

    /** What the ledger would hand back after posting {@code tx} as transaction {@code id}. */
    static LedgerTransaction stored(long id, NewTransaction tx) {
        return new LedgerTransaction(id, tx.externalKey(), tx.kind(), tx.currency().code(), tx.occurredAt(), AT,
                tx.orderId(), tx.buyerId(), tx.telegramChargeId(), tx.providerChargeId(),
                tx.reversesTransactionId(), tx.postings());
    }
}

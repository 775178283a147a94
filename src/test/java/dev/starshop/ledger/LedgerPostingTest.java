package dev.starshop.ledger;

import dev.starshop.money.Currency;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static dev.starshop.ledger.Account.PROVIDER_RECEIVABLE;
import static dev.starshop.ledger.Account.SALES_REFUNDS;
import static dev.starshop.ledger.Account.SALES_REVENUE;
import static dev.starshop.ledger.Account.SHIPPING_REVENUE;
import static dev.starshop.ledger.Account.TELEGRAM_STARS_RECEIVABLE;
import static dev.starshop.ledger.Account.TIPS_REVENUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posting through {@link Ledger} against the real database. Other test classes share it: keys are
 * unique per run and balances are compared as deltas.
 */
@MicronautTest(transactional = false)
class LedgerPostingTest {

    static final Instant AT = Instant.parse("2026-11-02T10:15:30.123456789Z");

    @Inject
    Ledger ledger;

    @Inject
    CurrencyTable currencies;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aStarsPaymentIsStoredBalancedAndReadBack() {
        UUID order = UUID.randomUUID();
        LedgerTransaction posted = post(LedgerEntries.starsPayment(ref(key("stars"), order), stars(50)));

        LedgerTransaction read = ledger.byExternalKey(posted.externalKey()).orElseThrow();
        assertEquals(posted, read);
        assertEquals(AT.truncatedTo(ChronoUnit.MICROS), read.occurredAt());
        assertEquals(List.of(new Posting(TELEGRAM_STARS_RECEIVABLE, 50), new Posting(SALES_REVENUE, -50)),
                read.postings());
        assertEquals(List.of(read), ledger.forOrder(order));
    }

    @Test
    void aCardPaymentKeepsItemsShippingAndTipApart() {
        UUID order = UUID.randomUUID();
        post(LedgerEntries.cardPayment(ref(key("card"), order), usd(1200), usd(300), usd(100)));

        LedgerTransaction read = ledger.forOrder(order).get(0);
        assertEquals("USD", read.currency());
        assertEquals(1600, read.total());
        assertEquals(List.of(new Posting(PROVIDER_RECEIVABLE, 1600), new Posting(SALES_REVENUE, -1200),
                new Posting(SHIPPING_REVENUE, -300), new Posting(TIPS_REVENUE, -100)), read.postings());
    }

    @Test
    void postingTheSameKeyAgainReturnsTheFirstTransaction() {
        NewTransaction tx = LedgerEntries.starsPayment(ref(key("replay"), UUID.randomUUID()), stars(75));
        LedgerTransaction first = post(tx);

        LedgerTransaction again = post(tx);

        assertEquals(first.id(), again.id());
        assertEquals(first, again);
    }

    @Test
    void aConcurrentPostOfTheSameKeyWaitsAndGetsTheCommittedTransaction() throws Exception {
        NewTransaction tx = LedgerEntries.starsPayment(ref(key("race"), UUID.randomUUID()), stars(9));
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<LedgerTransaction> first = threads.submit(() -> inTransaction(() -> {
                LedgerTransaction posted = ledger.post(tx);
                firstInserted.countDown();
                await(releaseFirst);
                return posted;
            }));
            await(firstInserted);
            Future<LedgerTransaction> second = threads.submit(() -> post(tx));
            Thread.sleep(300); // by now the second insert waits on the first's uncommitted key
            releaseFirst.countDown();

            assertEquals(first.get(10, TimeUnit.SECONDS).id(), second.get(10, TimeUnit.SECONDS).id());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theSameKeyWithDifferentContentIsAConflictAndWritesNothing() {
        String key = key("conflict");
        UUID order = UUID.randomUUID();
        LedgerTransaction first = post(LedgerEntries.starsPayment(ref(key, order), stars(75)));

        assertThrows(LedgerConflictException.class,
                () -> post(LedgerEntries.starsPayment(ref(key, order), stars(76))));
        assertThrows(LedgerConflictException.class,
                () -> post(LedgerEntries.starsPayment(ref(key, UUID.randomUUID()), stars(75))));

        assertEquals(List.of(first), ledger.forOrder(order));
    }

    @Test
    void aRefundReversesTheReceivableOnceAndOnlyOnce() {
        UUID order = UUID.randomUUID();
        LedgerTransaction payment = post(LedgerEntries.cardPayment(ref(key("paid"), order), usd(1200), usd(300),
                usd(100)));
        NewTransaction refund = LedgerEntries.refundOf(payment, usd(1600), key("refund"), AT);

        LedgerTransaction refunded = post(refund);
        assertEquals(refunded.id(), post(refund).id(), "replaying the same refund is a no-op");
        var second = assertThrows(LedgerConflictException.class,
                () -> post(LedgerEntries.refundOf(payment, usd(1600), key("refund-again"), AT)));

        assertTrue(second.getMessage().contains("REVERSED_AT_MOST_ONCE"), second.getMessage());
        assertEquals(payment.id(), refunded.reversesTransactionId());
        assertEquals(List.of(new Posting(SALES_REFUNDS, 1600), new Posting(PROVIDER_RECEIVABLE, -1600)),
                refunded.postings());
        assertEquals(List.of(payment.id(), refunded.id()),
                ledger.forOrder(order).stream().map(LedgerTransaction::id).toList());
    }

    @Test
    void aStarsPaymentCanBeRefundedAndChargedBackSeparatelyButTheAuditSeesTheDoubleReversal() {
        LedgerTransaction payment = post(LedgerEntries.starsPayment(ref(key("both"), UUID.randomUUID()), stars(20)));
        post(LedgerEntries.refundOf(payment, stars(20), key("both-refund"), AT));
        assertTrue(ledger.checkInvariants().stream().noneMatch(v -> v.transactionId() == payment.id()));

        post(LedgerEntries.chargeback(payment, stars(20), key("both-chargeback"), AT));

        List<InvariantViolation> violations = ledger.checkInvariants();
        assertTrue(violations.contains(new InvariantViolation(LedgerInvariant.NOT_OVER_REVERSED, payment.id(),
                "total 20, reversed 40")), violations::toString);
    }

    @Test
    void balancesAreKeptPerCurrencyAndNeverMixed() {
        Map<String, AccountBalance> before = balances();

        post(LedgerEntries.starsPayment(ref(key("bal-xtr"), UUID.randomUUID()), stars(50)));
        post(LedgerEntries.cardPayment(ref(key("bal-usd"), UUID.randomUUID()), usd(1200), usd(300), usd(100)));

        Map<String, AccountBalance> after = balances();
        assertEquals(50, delta(before, after, "XTR", TELEGRAM_STARS_RECEIVABLE));
        assertEquals(-50, delta(before, after, "XTR", SALES_REVENUE));
        assertEquals(1600, delta(before, after, "USD", PROVIDER_RECEIVABLE));
        assertEquals(-1200, delta(before, after, "USD", SALES_REVENUE));
        assertEquals(-300, delta(before, after, "USD", SHIPPING_REVENUE));
        assertEquals(-100, delta(before, after, "USD", TIPS_REVENUE));
        AccountBalance sales = after.get("XTR/sales_revenue");
        assertEquals(sales.debits() - sales.credits(), sales.balance());
        for (String currency : List.of("XTR", "USD")) {
            long sum = after.values().stream().filter(b -> b.currency().equals(currency))
                    .mapToLong(LedgerPostingTest::exactBalance).sum();
            assertEquals(0, sum, "the trial balance of " + currency + " is zero");
        }
    }

    @Test
    void postingOutsideATransactionIsRefused() {
        NewTransaction tx = LedgerEntries.starsPayment(ref(key("no-tx"), null), stars(1));

        assertThrows(IllegalTransactionStateException.class, () -> ledger.post(tx));
        assertTrue(ledger.byExternalKey(tx.externalKey()).isEmpty());
    }

    @Test
    void theLedgerPassesItsOwnAudit() {
        post(LedgerEntries.starsPayment(ref(key("audit"), UUID.randomUUID()), stars(3)));

        assertTrue(ledger.checkInvariants().stream()
                .noneMatch(v -> v.invariant() != LedgerInvariant.NOT_OVER_REVERSED), () ->
                ledger.checkInvariants().toString());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private LedgerTransaction post(NewTransaction tx) {
        return inTransaction(() -> ledger.post(tx));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    /**
     * An account's balance exactly: in nanostars for XTR, whose whole-Star balances need not sum to
     * zero once other tests in the shared database have booked fractions of a Star.
     */
    static long exactBalance(AccountBalance balance) {
        return balance.stars() == null ? balance.balance() : balance.stars().nanostars();
    }

    private Map<String, AccountBalance> balances() {
        return ledger.balances().stream()
                .collect(Collectors.toMap(b -> b.currency() + "/" + b.account().dbName(), b -> b));
    }

    private static long delta(Map<String, AccountBalance> before, Map<String, AccountBalance> after,
                              String currency, Account account) {
        String key = currency + "/" + account.dbName();
        long was = before.containsKey(key) ? before.get(key).balance() : 0;
        return after.get(key).balance() - was;
    }

    private Money stars(long amount) {
        return new Money(amount, CurrencyTable.STARS);
    }

    private Money usd(long cents) {
        Currency usd = currencies.require("USD");
        return new Money(cents, usd);
    }

    static String key(String what) {
        return "test:" + what + ":" + UUID.randomUUID();
    }

    static EntryRef ref(String key, UUID order) {
        return new EntryRef(key, AT, order, 4242L, "charge-" + key, null);
    }
}

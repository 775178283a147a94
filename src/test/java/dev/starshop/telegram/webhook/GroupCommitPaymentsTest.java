package dev.starshop.telegram.webhook;

import com.zaxxer.hikari.HikariDataSource;
import dev.starshop.ledger.EntryRef;
import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.LedgerEntries;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import dev.starshop.support.TelegramUpdates;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payments that share a transaction (group commit) against the real database: the batch locks the
 * orders its payments pay in one statement before the first is recorded, and reads their buyers
 * for the order events in one more. What every buyer and the books see must be what the same
 * updates would have left one by one: one payment and one ledger transaction per charge, a second
 * charge for an order already paid in the same batch sent to review, a redelivered charge ignored,
 * each order.paid event naming its buyer as the buyers table has them, the ledger balanced, and
 * each Stars transaction valued (the batch values them together, just before its commit).
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.group-commit.lanes", value = "1")
@Property(name = "starshop.events.interval", value = "1h")
@Property(name = "starshop.events.allow-private-targets", value = "true")
class GroupCommitPaymentsTest extends HeldLaneTestBase {

    private static final AtomicLong NEXT_BUYER = new AtomicLong(System.nanoTime() % 1_000_000_000L + 3_000_000_000L);

    @Inject
    BotCredentials bot;

    @Inject
    Ledger ledger;

    @Inject
    TransactionOperations<Connection> transactions;

    private Api api;
    private InitDataSigner signer;
    private String sku;
    private Object endpointId;

    @BeforeEach
    void shop() {
        api = new Api(http);
        signer = InitDataSigner.forToken(bot.token());
        sku = ShopFixture.product("batch").price("XTR", 100).price("USD", 250).create(api);
        // An enabled endpoint, so that every move to PAID writes an order.paid delivery (never sent: 1 h interval).
        Api.Reply created = api.admin(HttpRequest.POST("/api/admin/event-endpoints",
                Map.of("url", "http://127.0.0.1:9/batch-test")));
        assertEquals(201, created.status(), () -> String.valueOf(created.body()));
        endpointId = created.json().get("id");
    }

    @AfterEach
    void removeEndpoint() {
        api.admin(HttpRequest.DELETE("/api/admin/event-endpoints/" + endpointId));
    }

    @Test
    void starsAndCardPaymentsInOneBatchPayTheirOrdersAndASecondChargeOfAnOrderGoesToReview() throws Exception {
        long ann = NEXT_BUYER.incrementAndGet();
        long bob = NEXT_BUYER.incrementAndGet();
        Map<String, Object> annStars = order(ann, "ann", "XTR");
        Map<String, Object> annCard = order(ann, "ann", "USD");
        Map<String, Object> bobStars = order(bob, "bob", "XTR");
        String prefix = "stxBATCH" + NEXT_UPDATE.incrementAndGet() + "-";
        List<TelegramUpdates.Update> updates = new ArrayList<>(List.of(
                pay(ann, annStars, prefix + "a"), pay(ann, annCard, prefix + "b"), pay(bob, bobStars, prefix + "c"),
                pay(bob, bobStars, prefix + "d")));
        updates.add(updates.get(0).redeliveredAs(NEXT_UPDATE.incrementAndGet()));

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> updates.stream().map(u -> post(u.json())).toList());

        assertEquals(List.of(200, 200, 200, 200, 200), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(1, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(updates.stream().map(TelegramUpdates.Update::updateId).toList()) + ")"),
                "the five updates shared one transaction");
        assertEquals("PAID", status(annStars));
        assertEquals("PAID", status(annCard));
        assertEquals("NEEDS_REVIEW", status(bobStars), "paid twice in one batch: the second charge needs review");
        for (String charge : List.of("a", "b", "c", "d")) {
            assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?",
                    prefix + charge), "one payment for charge " + charge);
            assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?",
                    prefix + charge), "one ledger transaction for charge " + charge);
        }
        assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ? AND needs_review",
                prefix + "d"));
        assertEquals(0, db.count("""
                SELECT count(*) FROM (SELECT t.id FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id
                                      WHERE t.telegram_charge_id LIKE ? GROUP BY t.id HAVING sum(p.amount) <> 0) unbalanced""",
                prefix + "%"), "every ledger transaction balances");
        assertEquals(List.of("PAID"), moves(annStars));
        assertEquals(List.of("PAID", "NEEDS_REVIEW"), moves(bobStars));
        assertEquals("ann" + ann, paidEventBuyer(annStars), "the event names the buyer as the buyers table has them");
        assertEquals("ann" + ann, paidEventBuyer(annCard));
        assertEquals("bob" + bob, paidEventBuyer(bobStars));
    }

    @Test
    void aFailingUpdateInABatchOfPaymentsLeavesEachPaymentRecordedOnceByItself() throws Exception {
        long cay = NEXT_BUYER.incrementAndGet();
        Map<String, Object> first = order(cay, "cay", "XTR");
        Map<String, Object> second = order(cay, "cay", "USD");
        String prefix = "stxALONE" + NEXT_UPDATE.incrementAndGet() + "-";
        TelegramUpdates.Update payFirst = pay(cay, first, prefix + "a");
        TelegramUpdates.Update paySecond = pay(cay, second, prefix + "b");
        // Passes the reading, fails in its handler: the shared transaction rolls back, each update is written alone.
        TelegramUpdates.Update bad = TelegramUpdates.successfulPayment().updateId(NEXT_UPDATE.incrementAndGet())
                .buyer(cay, "Cay").currency("XTR").total(100).payload(first.get("id")).charge("");

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> List.of(post(payFirst.json()), post(bad.json()),
                post(paySecond.json())));

        assertEquals(List.of(200, 400, 200), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(2, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN (?, ?)",
                payFirst.updateId(), paySecond.updateId()), "written again one by one");
        assertEquals("PAID", status(first));
        assertEquals("PAID", status(second));
        for (String charge : List.of("a", "b")) {
            assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?",
                    prefix + charge));
            assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?",
                    prefix + charge));
        }
        assertEquals(List.of("PAID"), moves(first));
        assertEquals("cay" + cay, paidEventBuyer(first));
    }

    /**
     * The batch's ledger transactions are written by one statement at its end. A key already in the
     * ledger cannot be answered there as a single posting answers it, so the statement throws: the
     * batch rolls back and every update is written again alone, where the others are recorded once
     * each and the conflicting one is refused exactly as it would have been by itself.
     */
    @Test
    void aLedgerKeyAlreadyRecordedSendsTheBatchBackToBeWrittenUpdateByUpdate() throws Exception {
        long fay = NEXT_BUYER.incrementAndGet();
        Map<String, Object> first = order(fay, "fay", "XTR");
        Map<String, Object> taken = order(fay, "fay", "XTR");
        Map<String, Object> card = order(fay, "fay", "USD");
        String prefix = "stxTAKEN" + NEXT_UPDATE.incrementAndGet() + "-";
        // Something else already holds the ledger key the second charge will want, with other content.
        transactions.executeWrite(status -> ledger.post(LedgerEntries.starsPayment(new EntryRef("payment:" + prefix + "b",
                Instant.now(), null, null, prefix + "b", null), new Money(1, CurrencyTable.STARS))));
        List<TelegramUpdates.Update> updates = List.of(pay(fay, first, prefix + "a"), pay(fay, taken, prefix + "b"),
                pay(fay, card, prefix + "c"));

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> updates.stream().map(u -> post(u.json())).toList());

        List<Integer> statuses = statuses(answers);
        assertEquals(200, statuses.get(0));
        assertTrue(statuses.get(1) != 200, "the conflicting charge is refused, as alone: " + statuses);
        assertEquals(200, statuses.get(2));
        Db db = new Db(dataSource);
        assertEquals(2, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN (?, ?)",
                updates.get(0).updateId(), updates.get(2).updateId()), "written again one by one");
        assertEquals("PAID", status(first));
        assertEquals("PENDING_PAYMENT", status(taken));
        assertEquals("PAID", status(card));
        for (String charge : List.of("a", "c")) {
            assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?",
                    prefix + charge));
            assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?",
                    prefix + charge));
        }
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?", prefix + "b"));
        assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?", prefix + "b"),
                "only the row that was there");
        assertEquals(0, unbalanced(prefix));
        assertEquals(List.of("PAID"), moves(first));
        assertEquals(List.of("PAID"), moves(card));
    }

    /**
     * A refund that arrives in the same batch as its payment reads the payment's ledger transaction to
     * reverse it: the batch's waiting ledger rows are written before that read, so the refund finds it.
     */
    @Test
    void aRefundInTheBatchOfItsPaymentReversesTheLedgerTransactionThePaymentWaitedToWrite() throws Exception {
        long gus = NEXT_BUYER.incrementAndGet();
        Map<String, Object> refunded = order(gus, "gus", "XTR");
        Map<String, Object> kept = order(gus, "gus", "XTR");
        String prefix = "stxREFUND" + NEXT_UPDATE.incrementAndGet() + "-";
        TelegramUpdates.Update payment = pay(gus, refunded, prefix + "a");
        TelegramUpdates.Update refund = TelegramUpdates.refundedPayment().updateId(NEXT_UPDATE.incrementAndGet())
                .buyer(gus, "Gus").currency("XTR").total(((Number) refunded.get("totalAmount")).longValue())
                .payload(refunded.get("id")).charge(prefix + "a");
        List<TelegramUpdates.Update> updates = List.of(payment, refund, pay(gus, kept, prefix + "b"));

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> updates.stream().map(u -> post(u.json())).toList());

        assertEquals(List.of(200, 200, 200), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(1, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(updates.stream().map(TelegramUpdates.Update::updateId).toList()) + ")"), "one shared transaction");
        assertEquals("REFUNDED", status(refunded));
        assertEquals("PAID", status(kept));
        assertEquals("PAYMENT,REFUND", db.text("SELECT string_agg(kind, ',' ORDER BY id)"
                + " FROM ledger_transactions WHERE telegram_charge_id = ?", prefix + "a"));
        assertEquals(1, db.count("""
                SELECT count(*) FROM ledger_transactions r JOIN ledger_transactions p ON p.id = r.reverses_id
                WHERE r.kind = 'REFUND' AND p.kind = 'PAYMENT' AND p.telegram_charge_id = ?""", prefix + "a"),
                "the refund reverses the payment's transaction");
        assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?", prefix + "b"));
        assertEquals(0, unbalanced(prefix));
    }

    /**
     * A payment the order cannot honour (the wrong amount) waits for the batch's end like any other;
     * its order.needs_review event shows what was charged, read from the payments table, so the
     * waiting row is written before that read.
     */
    @Test
    void aPaymentTheOrderCannotHonourGoesToReviewAndItsEventShowsTheChargeThatWaitedInTheBatch() throws Exception {
        long hal = NEXT_BUYER.incrementAndGet();
        Map<String, Object> underpaid = order(hal, "hal", "XTR");
        Map<String, Object> paid = order(hal, "hal", "XTR");
        String prefix = "stxSHORT" + NEXT_UPDATE.incrementAndGet() + "-";
        long total = ((Number) underpaid.get("totalAmount")).longValue();
        List<TelegramUpdates.Update> updates = List.of(pay(hal, underpaid, prefix + "a").total(total - 1),
                pay(hal, paid, prefix + "b"));

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> updates.stream().map(u -> post(u.json())).toList());

        assertEquals(List.of(200, 200), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(1, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(updates.stream().map(TelegramUpdates.Update::updateId).toList()) + ")"), "one shared transaction");
        assertEquals("NEEDS_REVIEW", status(underpaid));
        assertEquals("PAID", status(paid));
        assertEquals(String.valueOf(total - 1), db.text("SELECT body::jsonb -> 'data' -> 'order' -> 'payment' ->> 'totalAmount'"
                + " FROM event_deliveries WHERE type = 'order.needs_review' AND ordering_key = ? AND endpoint_id = ?",
                underpaid.get("id"), ((Number) endpointId).longValue()), "the event shows the charge");
        assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ? AND needs_review",
                prefix + "a"));
        assertEquals(0, unbalanced(prefix));
    }

    /** A charge recorded before the batch (read ahead as on file) is a duplicate in it: nothing is written twice. */
    @Test
    void aChargeOnFileBeforeTheBatchIsADuplicateInTheBatch() throws Exception {
        long ida = NEXT_BUYER.incrementAndGet();
        Map<String, Object> earlier = order(ida, "ida", "XTR");
        Map<String, Object> later = order(ida, "ida", "USD");
        String prefix = "stxKNOWN" + NEXT_UPDATE.incrementAndGet() + "-";
        TelegramUpdates.Update first = pay(ida, earlier, prefix + "a");
        assertEquals(200, post(first.json()).get(20, TimeUnit.SECONDS));
        List<TelegramUpdates.Update> updates = List.of(first.redeliveredAs(NEXT_UPDATE.incrementAndGet()),
                pay(ida, later, prefix + "b"));

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> updates.stream().map(u -> post(u.json())).toList());

        assertEquals(List.of(200, 200), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(1, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(updates.stream().map(TelegramUpdates.Update::updateId).toList()) + ")"), "one shared transaction");
        assertEquals("PAID", status(earlier));
        assertEquals("PAID", status(later));
        for (String charge : List.of("a", "b")) {
            assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?", prefix + charge));
            assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?",
                    prefix + charge));
        }
        assertEquals(List.of("PAID"), moves(earlier));
    }

    /**
     * A charge another transaction records after the batch read which charges are on file: the batch's
     * payments statement finds it at the end, throws, and every update is written again alone, where
     * that charge is the duplicate it is and the others are recorded once each.
     */
    @Test
    void aChargeRecordedElsewhereAfterTheReadAheadSendsTheBatchBackToBeWrittenUpdateByUpdate() throws Exception {
        long jo = NEXT_BUYER.incrementAndGet();
        Map<String, Object> first = order(jo, "jo", "XTR");
        Map<String, Object> raced = order(jo, "jo", "XTR");
        String prefix = "stxRACED" + NEXT_UPDATE.incrementAndGet() + "-";
        List<TelegramUpdates.Update> updates = List.of(pay(jo, first, prefix + "a"), pay(jo, raced, prefix + "b"));
        List<Future<Integer>> answers;
        try (Connection other = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO payments (telegram_payment_charge_id,"
                    + " kind, currency, total_amount, source, occurred_at, recorded_at)"
                    + " VALUES (?, 'PAYMENT', 'XTR', 1, 'RECONCILIATION', now(), now())")) {
                insert.setString(1, prefix + "b");
                insert.executeUpdate();
            }
            answers = whileTheLaneIsHeld(() -> updates.stream().map(u -> post(u.json())).toList());
            Db db = new Db(dataSource);
            Eventually.until(() -> db.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE '%INSERT INTO payments%unnest%'") == 1);
            other.commit();
        }

        assertEquals(List.of(200, 200), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(2, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN (?, ?)",
                updates.get(0).updateId(), updates.get(1).updateId()), "written again one by one");
        assertEquals("PAID", status(first));
        assertEquals("PENDING_PAYMENT", status(raced), "its charge was on file: a duplicate, nothing done");
        assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?", prefix + "a"));
        assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?", prefix + "a"));
        assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ?", prefix + "b"));
        assertEquals(0, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?", prefix + "b"));
        assertEquals(List.of("PAID"), moves(first));
    }

    /**
     * The orders' moves to PAID wait for the batch's end and are written by one statement there; a
     * buyer's /orders command later in the same batch lists the order as paid, because listing orders
     * writes the waiting moves first. (Without that it would list it as still pending.)
     */
    @Test
    void aCommandLaterInTheBatchListsTheOrderPaidEarlierInIt() throws Exception {
        long kit = NEXT_BUYER.incrementAndGet();
        Map<String, Object> bought = order(kit, "kit", "XTR");
        Map<String, Object> other = order(kit, "kit", "XTR");
        String prefix = "stxLISTED" + NEXT_UPDATE.incrementAndGet() + "-";
        TelegramUpdates.Update payment = pay(kit, bought, prefix + "a");
        TelegramUpdates.Update otherPayment = pay(kit, other, prefix + "b");
        long command = NEXT_UPDATE.incrementAndGet();
        List<String> bodies = List.of(payment.json(), otherPayment.json(), ordersCommand(command, kit));

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> bodies.stream().map(this::post).toList());

        assertEquals(List.of(200, 200, 200), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(1, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(List.of(payment.updateId(), otherPayment.updateId(), command)) + ")"), "one shared transaction");
        String reply = db.text("SELECT payload ->> 'text' FROM bot_outbox WHERE dedupe_key = ?",
                "update:" + command + ":reply");
        String shortId = String.valueOf(bought.get("id")).substring(0, 8);
        assertTrue(reply != null && reply.contains("PAID  #" + shortId), "the reply lists the order paid: " + reply);
        assertEquals("PAID", status(bought));
        assertEquals(List.of("PAID"), moves(bought));
    }

    /** {@code /orders} sent by the buyer in their private chat. */
    private static String ordersCommand(long updateId, long buyer) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":1763800000,
                 "from":{"id":%d,"is_bot":false,"first_name":"Kit","language_code":"en"},
                 "chat":{"id":%d,"type":"private","first_name":"Kit"},
                 "text":"/orders","entities":[{"type":"bot_command","offset":0,"length":7}]}}"""
                .formatted(updateId, updateId % 100000, buyer, buyer);
    }

    private long unbalanced(String prefix) {
        return new Db(dataSource).count("""
                SELECT count(*) FROM (SELECT t.id FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id
                                      WHERE t.telegram_charge_id LIKE ? GROUP BY t.id HAVING sum(p.amount) <> 0) unbalanced""",
                prefix + "%");
    }

    /**
     * A shared transaction plans its statements generically ({@code SET LOCAL plan_cache_mode}); the
     * setting must end with its commit, or a pooled connection would plan everything else (exports,
     * orders) that way too. Every connection of the pool is held at once and asked.
     */
    @Test
    void aSharedTransactionLeavesEveryPooledConnectionPlanningAsTheServerDefaults() throws Exception {
        long eve = NEXT_BUYER.incrementAndGet();
        Map<String, Object> first = order(eve, "eve", "XTR");
        Map<String, Object> second = order(eve, "eve", "XTR");
        String prefix = "stxPLAN" + NEXT_UPDATE.incrementAndGet() + "-";
        List<TelegramUpdates.Update> updates = List.of(pay(eve, first, prefix + "a"), pay(eve, second, prefix + "b"));

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> updates.stream().map(u -> post(u.json())).toList());

        assertEquals(List.of(200, 200), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(1, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(updates.stream().map(TelegramUpdates.Update::updateId).toList()) + ")"), "one shared transaction");
        assertEquals("PAID", status(first));
        assertEquals("PAID", status(second));
        assertEquals(Set.of("auto"), planCacheModesOfEveryPooledConnection());
    }

    private Set<String> planCacheModesOfEveryPooledConnection() throws SQLException {
        HikariDataSource pool = (HikariDataSource) DelegatingDataSource.unwrapDataSource(dataSource);
        List<Connection> held = new ArrayList<>();
        Set<String> modes = new HashSet<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection connection = pool.getConnection();
                held.add(connection);
                try (Statement statement = connection.createStatement();
                     ResultSet mode = statement.executeQuery("SHOW plan_cache_mode")) {
                    mode.next();
                    modes.add(mode.getString(1));
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return modes;
    }

    @Test
    void starsPaymentsInOneBatchAreEachValuedAtTheRateInForceOfTheirDay() throws Exception {
        // A rate is in force from its day on: a day after every other test's (StarsValuationTest's are before 2900).
        LocalDate day = LocalDate.of(2900 + ThreadLocalRandom.current().nextInt(90), 9, 14);
        Api.Reply rate = api.admin(HttpRequest.POST("/api/admin/books/xtr-rates",
                Map.of("effectiveOn", day.toString(), "rate", "0.0130")));
        assertEquals(201, rate.status(), () -> String.valueOf(rate.body()));
        long dee = NEXT_BUYER.incrementAndGet();
        Map<String, Object> stars1 = order(dee, "dee", "XTR");
        Map<String, Object> card = order(dee, "dee", "USD");
        Map<String, Object> stars2 = order(dee, "dee", "XTR");
        String prefix = "stxVALUED" + NEXT_UPDATE.incrementAndGet() + "-";
        long date = day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
        List<TelegramUpdates.Update> updates = List.of(pay(dee, stars1, prefix + "a").date(date),
                pay(dee, card, prefix + "b").date(date), pay(dee, stars2, prefix + "c").date(date));

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> updates.stream().map(u -> post(u.json())).toList());

        assertEquals(List.of(200, 200, 200), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(1, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(updates.stream().map(TelegramUpdates.Update::updateId).toList()) + ")"));
        for (String charge : List.of("a", "c")) {
            assertEquals("0.013 130 -130", db.text("""
                    SELECT v.rate::text || ' ' || string_agg(pv.fiat_amount::text, ' ' ORDER BY pv.posting_id)
                    FROM ledger_transactions t JOIN stars_valuations v ON v.transaction_id = t.id
                    JOIN stars_posting_values pv ON pv.transaction_id = t.id
                    WHERE t.telegram_charge_id = ? GROUP BY v.rate""", prefix + charge),
                    "100 Stars at 0.013 USD: its two postings valued, summing to zero");
        }
        assertEquals(0, db.count("SELECT count(*) FROM stars_valuations v JOIN ledger_transactions t"
                + " ON t.id = v.transaction_id WHERE t.telegram_charge_id = ?", prefix + "b"), "a card payment is not valued");
    }

    /** An order placed through the public API by a buyer whose username is {@code name} + their id. */
    private Map<String, Object> order(long buyer, String name, String currency) {
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", currency,
                        "items", List.of(Map.of("sku", sku, "quantity", 1))))
                .header("Authorization", signer.header(buyer, name + buyer, "en")));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        return placed.json();
    }

    private static TelegramUpdates.Update pay(long buyer, Map<String, Object> order, String charge) {
        String currency = (String) order.get("currency");
        TelegramUpdates.Update update = TelegramUpdates.successfulPayment().updateId(NEXT_UPDATE.incrementAndGet())
                .buyer(buyer, "Someone").currency(currency).total(((Number) order.get("totalAmount")).longValue())
                .payload(order.get("id")).charge(charge);
        return "XTR".equals(currency) ? update : update.providerCharge("ch_" + charge);
    }

    private String status(Map<String, Object> order) {
        return new Db(dataSource).text("SELECT status FROM orders WHERE id = ?::uuid", order.get("id"));
    }

    /** The order's timeline: its moves after payment, in order (notes left out). */
    private List<String> moves(Map<String, Object> order) {
        String joined = new Db(dataSource).text("SELECT string_agg(kind, ',' ORDER BY id) FROM order_events"
                + " WHERE order_id = ?::uuid AND kind IN ('PAID', 'NEEDS_REVIEW')", order.get("id"));
        return joined == null ? List.of() : List.of(joined.split(","));
    }

    /** The username in the order's one order.paid event, as written for this test's endpoint. */
    private String paidEventBuyer(Map<String, Object> order) {
        Db db = new Db(dataSource);
        long endpoint = ((Number) endpointId).longValue();
        assertEquals(1, db.count("SELECT count(*) FROM event_deliveries WHERE type = 'order.paid' AND ordering_key = ?"
                + " AND endpoint_id = ?", order.get("id"), endpoint));
        String username = db.text("SELECT body::jsonb -> 'data' -> 'buyer' ->> 'username' FROM event_deliveries"
                + " WHERE type = 'order.paid' AND ordering_key = ? AND endpoint_id = ?", order.get("id"), endpoint);
        assertTrue(username != null, "the event names a buyer");
        return username;
    }
}

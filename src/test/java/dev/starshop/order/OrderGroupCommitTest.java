package dev.starshop.order;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import dev.starshop.support.InitDataSigner;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Order placement's group commit against the real database. The only lane is held by an order
 * whose buyer-row upsert waits on a buyer row this test inserted and has not committed; the orders
 * posted meanwhile queue up and then share one transaction. PostgreSQL's {@code xmin} of a row
 * names the transaction that wrote it, so "one transaction" is read from the rows, not assumed.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.orders.group-commit.lanes", value = "1")
@Property(name = "starshop.orders.max-unpaid-per-buyer", value = "3")
class OrderGroupCommitTest extends OrderTestBase {

    private static final AtomicLong NEXT_BUYER = new AtomicLong(5_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    private final ExecutorService buyers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        buyers.shutdownNow();
    }

    @Test
    void ordersArrivingTogetherShareOneTransactionAndEachBuyerGetsTheirOwnOrder() throws Exception {
        String gadget = fixtures.product(10);
        List<Long> ids = newBuyerIds(5);
        long batchesBefore = sharedTransactions();

        List<Api.Reply> replies = whileTheLaneIsHeld(gadget, () -> ids.stream()
                .map(id -> post(fixtures.order(buyer(id), "XTR", Map.of(gadget, 1)))).toList());

        assertEquals(List.of(201, 201, 201, 201, 201), statuses(replies));
        for (int i = 0; i < ids.size(); i++) {
            List<Map<String, Object>> own = fixtures.ordersOf(buyer(ids.get(i)));
            assertEquals(List.of(replies.get(i).json().get("id")), own.stream().map(o -> o.get("id")).toList());
        }
        assertEquals(1, transactionsOf(replies), "one transaction for the five orders");
        assertEquals(4, fixtures.stockOf(gadget), "ten, less the held order's unit and the five");
        assertEquals(batchesBefore + 1, sharedTransactions());
    }

    @Test
    void anOrderOverItsBuyersLimitIsRefusedAloneAndTheOthersAreStillPlaced() throws Exception {
        String gadget = fixtures.product(20);
        long full = newBuyerIds(1).get(0);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, fixtures.place(buyer(full), "XTR", Map.of(gadget, 1)).status());
        }
        List<Long> ids = newBuyerIds(4);
        long batchesBefore = sharedTransactions();

        List<Api.Reply> replies = whileTheLaneIsHeld(gadget, () -> {
            List<Future<Api.Reply>> posted = new ArrayList<>(ids.stream()
                    .map(id -> post(fixtures.order(buyer(id), "XTR", Map.of(gadget, 1)))).toList());
            posted.add(post(fixtures.order(buyer(full), "XTR", Map.of(gadget, 1))));
            return posted;
        });

        assertEquals(List.of(201, 201, 201, 201, 429), statuses(replies));
        assertEquals("too-many-unpaid-orders", replies.get(4).code());
        List<Api.Reply> placed = replies.subList(0, 4);
        assertEquals(4, transactionsOf(placed), "after the refused batch each order committed on its own");
        assertEquals(3, fixtures.ordersOf(buyer(full)).size(), "nothing of the refused order was written");
        assertEquals(20 - 3 - 1 - 4, fixtures.stockOf(gadget));
        assertEquals(batchesBefore, sharedTransactions(), "the batch did not commit");
    }

    @Test
    void twoOrdersWantingMoreThanIsLeftGetOneOrderAndOneOutOfStockAndTheOthersArePlaced() throws Exception {
        String gadget = fixtures.product(20);
        String scarce = fixtures.product(3);
        List<Long> ids = newBuyerIds(4);

        List<Api.Reply> replies = whileTheLaneIsHeld(gadget, () -> List.of(
                post(fixtures.order(buyer(ids.get(0)), "XTR", Map.of(gadget, 1))),
                post(fixtures.order(buyer(ids.get(1)), "XTR", Map.of(scarce, 2))),
                post(fixtures.order(buyer(ids.get(2)), "XTR", Map.of(scarce, 2))),
                post(fixtures.order(buyer(ids.get(3)), "XTR", Map.of(gadget, 1)))));

        assertEquals(201, replies.get(0).status());
        assertEquals(201, replies.get(3).status());
        List<Api.Reply> racers = replies.subList(1, 3);
        assertEquals(List.of(201, 409), statuses(racers).stream().sorted().toList());
        Api.Reply refused = racers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertEquals("out-of-stock", refused.code());
        assertEquals(1, fixtures.stockOf(scarce), "one order of two took its units");
        assertEquals(20 - 1 - 2, fixtures.stockOf(gadget));
        assertEquals(0, fixtures.ordersOf(buyer(racers.indexOf(refused) == 0 ? ids.get(1) : ids.get(2))).size());
    }

    @Test
    void oneKeySentTwiceInOneBatchPlacesOneOrder() throws Exception {
        String gadget = fixtures.product(20);
        List<Long> ids = newBuyerIds(3);
        String twice = buyer(ids.get(0));

        List<Api.Reply> replies = whileTheLaneIsHeld(gadget, () -> List.of(
                post(fixtures.order(twice, "XTR", Map.of(gadget, 1)).header("Idempotency-Key", "tap-tap")),
                post(fixtures.order(twice, "XTR", Map.of(gadget, 1)).header("Idempotency-Key", "tap-tap")),
                post(fixtures.order(buyer(ids.get(1)), "XTR", Map.of(gadget, 1))),
                post(fixtures.order(buyer(ids.get(2)), "XTR", Map.of(gadget, 1)))));

        assertEquals(List.of(201, 201, 201, 201), statuses(replies));
        assertEquals(replies.get(0).json().get("id"), replies.get(1).json().get("id"));
        assertEquals(List.of("false", "true"), replies.subList(0, 2).stream()
                .map(r -> r.header("Idempotent-Replayed")).sorted().toList());
        assertEquals(1, fixtures.ordersOf(twice).size());
        assertEquals(20 - 1 - 3, fixtures.stockOf(gadget), "the key's order took its unit once");
    }

    /**
     * Holds the only lane with an order whose buyer-row upsert waits on a row this test inserted
     * and has not committed; posts the others, waits until all of them queue, then lets go.
     */
    private List<Api.Reply> whileTheLaneIsHeld(String sku, Supplier<List<Future<Api.Reply>>> others)
            throws Exception {
        long blocker = newBuyerIds(1).get(0);
        Future<Api.Reply> held;
        List<Future<Api.Reply>> answers;
        try (Connection lock = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement insert = lock.prepareStatement(
                    "INSERT INTO buyers (telegram_user_id, first_name) VALUES (?, 'held')")) {
                insert.setLong(1, blocker);
                insert.executeUpdate();
            }
            held = post(fixtures.order(buyer(blocker), "XTR", Map.of(sku, 1)));
            Db db = new Db(dataSource);
            Eventually.until(() -> db.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'INSERT INTO buyers%'") == 1);
            answers = others.get();
            Eventually.until(() -> waiting() == answers.size());
            lock.rollback();
        }
        assertEquals(201, held.get(20, TimeUnit.SECONDS).status());
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> answer : answers) {
            replies.add(answer.get(20, TimeUnit.SECONDS));
        }
        return replies;
    }

    /**
     * How many transactions wrote these orders' lines and CREATED events (the order rows themselves
     * were rewritten since, when their invoice links were stored).
     */
    private long transactionsOf(List<Api.Reply> placed) {
        String ids = placed.stream().map(r -> "'" + r.json().get("id") + "'").collect(Collectors.joining(","));
        return new Db(dataSource).count("SELECT count(DISTINCT x) FROM ("
                + "SELECT xmin::text AS x FROM order_lines WHERE order_id IN (" + ids + ") UNION ALL "
                + "SELECT xmin::text FROM order_events WHERE kind = 'CREATED' AND order_id IN (" + ids + ")) AS w");
    }

    private double waiting() {
        return meters.get("starshop.orders.group.commit.waiting").gauge().value();
    }

    private long sharedTransactions() {
        DistributionSummary batches = meters.find("starshop.orders.group.commit.batch").summary();
        return batches == null ? 0 : batches.count();
    }

    private Future<Api.Reply> post(MutableHttpRequest<?> order) {
        return buyers.submit(() -> api.send(order));
    }

    private String buyer(long id) {
        return InitDataSigner.forToken(bot.token()).header(id, "shopper" + id, "en");
    }

    private static List<Long> newBuyerIds(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(NEXT_BUYER.incrementAndGet());
        }
        return ids;
    }

    private static List<Integer> statuses(List<Api.Reply> replies) {
        return replies.stream().map(Api.Reply::status).toList();
    }
}

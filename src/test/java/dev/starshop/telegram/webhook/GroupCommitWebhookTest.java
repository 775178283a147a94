package dev.starshop.telegram.webhook;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Group commit against the real database: with the one lane held, concurrent webhook updates
 * queue up and then commit in one transaction. PostgreSQL's {@code xmin} of a row names the
 * transaction that wrote it, so "one transaction" is read from the rows, not assumed.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.group-commit.lanes", value = "1")
class GroupCommitWebhookTest {

    private static final AtomicLong NEXT_UPDATE = new AtomicLong(System.currentTimeMillis() * 10 + 7_000_000_000L);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    private final ExecutorService telegram = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        telegram.shutdownNow();
    }

    @Test
    void updatesArrivingTogetherCommitInOneTransactionAndADuplicateInTheBatchIsAnsweredOnce() throws Exception {
        List<Long> ids = nextIds(5);
        long chargeUpdate = NEXT_UPDATE.incrementAndGet();
        String charge = "stxGROUP" + chargeUpdate;
        long batchesBefore = sharedTransactions();

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> {
            List<Future<Integer>> posted = new ArrayList<>();
            ids.forEach(id -> posted.add(post(message(id))));
            posted.add(post(message(ids.get(0))));
            posted.add(post(payment(chargeUpdate, charge)));
            return posted;
        });

        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200), statuses(answers));
        Db db = new Db(dataSource);
        List<Long> all = new ArrayList<>(ids);
        all.add(chargeUpdate);
        assertEquals(6, db.count("SELECT count(*) FROM telegram_updates WHERE update_id IN (" + list(all) + ")"));
        assertEquals(1, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(all) + ")"), "one transaction for the six updates");
        assertEquals(1, db.count("SELECT count(*) FROM payments p JOIN telegram_updates u ON u.xmin::text = p.xmin::text"
                + " WHERE p.telegram_payment_charge_id = ? AND u.update_id = ?", charge, chargeUpdate),
                "the payment committed in the same transaction as the inbox rows");
        assertEquals(batchesBefore + 1, sharedTransactions());
    }

    @Test
    void aBadUpdateInTheBatchIsRefusedAloneAndTheOthersAreStillRecorded() throws Exception {
        // A payment without a charge id passes the reading and fails in its handler, inside the shared transaction.
        List<Long> ids = nextIds(4);
        long bad = NEXT_UPDATE.incrementAndGet();

        List<Future<Integer>> answers = whileTheLaneIsHeld(() -> {
            List<Future<Integer>> posted = new ArrayList<>();
            ids.forEach(id -> posted.add(post(message(id))));
            posted.add(post(payment(bad, "")));
            return posted;
        });

        assertEquals(List.of(200, 200, 200, 200, 400), statuses(answers));
        Db db = new Db(dataSource);
        assertEquals(4, db.count("SELECT count(*) FROM telegram_updates WHERE update_id IN (" + list(ids) + ")"));
        assertEquals(0, db.count("SELECT count(*) FROM telegram_updates WHERE update_id = ?", bad));
        assertEquals(4, db.count("SELECT count(DISTINCT xmin::text) FROM telegram_updates WHERE update_id IN ("
                + list(ids) + ")"), "after the failed batch each update committed on its own");
    }

    @Test
    void aPreCheckoutQueryDoesNotWaitForTheBusyLane() throws Exception {
        long query = NEXT_UPDATE.incrementAndGet();
        List<Integer> answeredWhileHeld = new ArrayList<>();

        whileTheLaneIsHeld(() -> {
            Future<Integer> answer = post(preCheckoutForNoOrder(query));
            try {
                answeredWhileHeld.add(answer.get(20, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("the pre-checkout query waited for the lane", e);
            }
            return List.of();
        });

        assertEquals(List.of(200), answeredWhileHeld);
        assertEquals(1, new Db(dataSource).count("SELECT count(*) FROM telegram_updates WHERE update_id = ?", query));
    }

    /**
     * Holds the only lane with an update whose inbox insert waits on a row this test has inserted
     * and not committed; posts the others, waits until all of them queue, then lets go.
     */
    private List<Future<Integer>> whileTheLaneIsHeld(Posting others) throws Exception {
        long blocker = NEXT_UPDATE.incrementAndGet();
        Future<Integer> blocked;
        List<Future<Integer>> answers;
        try (Connection lock = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement insert = lock.prepareStatement("INSERT INTO telegram_updates"
                    + " (update_id, kind, source, received_at, payload) VALUES (?, 'Other', 'WEBHOOK', now(), '{}')")) {
                insert.setLong(1, blocker);
                insert.executeUpdate();
            }
            blocked = post(message(blocker));
            Db db = new Db(dataSource);
            Eventually.until(() -> db.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE 'INSERT INTO telegram_updates%'") == 1);
            answers = others.post();
            Eventually.until(() -> waiting() == answers.size());
            lock.rollback();
        }
        assertEquals(200, blocked.get(20, TimeUnit.SECONDS));
        return answers;
    }

    private double waiting() {
        return meters.get("starshop.webhook.group.commit.waiting").gauge().value();
    }

    /** Zero before the engine's first update: the meters are registered with the inbox. */
    private long sharedTransactions() {
        DistributionSummary batches = meters.find("starshop.webhook.group.commit.batch").summary();
        return batches == null ? 0 : batches.count();
    }

    private Future<Integer> post(String update) {
        Api api = new Api(http);
        return telegram.submit(() -> api.send(HttpRequest.POST("/telegram/webhook", update)
                .contentType("application/json").header(WebhookSecret.HEADER, WebhookIntakeTest.SECRET)).status());
    }

    private static List<Integer> statuses(List<Future<Integer>> answers) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(20, TimeUnit.SECONDS));
        }
        return statuses;
    }

    private static List<Long> nextIds(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(NEXT_UPDATE.incrementAndGet());
        }
        return ids;
    }

    private static String list(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String message(long id) {
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":1,\"date\":1700000000,"
                + "\"chat\":{\"id\":-5,\"type\":\"group\"},\"text\":\"hello\"}}";
    }

    /** A Stars payment for an order nobody knows: recorded in full, flagged for review. */
    private static String payment(long id, String charge) {
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":1,\"date\":1700000000,"
                + "\"from\":{\"id\":100001,\"is_bot\":false,\"first_name\":\"Ann\"},"
                + "\"chat\":{\"id\":100001,\"type\":\"private\"},\"successful_payment\":{\"currency\":\"XTR\","
                + "\"total_amount\":5,\"invoice_payload\":\"no-such-order\",\"telegram_payment_charge_id\":\""
                + charge + "\",\"provider_payment_charge_id\":\"\"}}}";
    }

    private static String preCheckoutForNoOrder(long id) {
        return "{\"update_id\":" + id + ",\"pre_checkout_query\":{\"id\":\"q" + id + "\",\"from\":"
                + "{\"id\":100001,\"is_bot\":false,\"first_name\":\"Ann\"},\"currency\":\"XTR\","
                + "\"total_amount\":5,\"invoice_payload\":\"no-such-order\"}}";
    }

    @FunctionalInterface
    private interface Posting {
        List<Future<Integer>> post();
    }
}

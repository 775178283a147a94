package dev.starshop.telegram.webhook;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

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
 * Webhook tests that need requests to stay in flight: the only group-commit lane is held by an
 * update whose inbox insert waits on a row the test inserted and has not committed. Subclasses
 * are {@code @MicronautTest(transactional = false)} with {@code starshop.telegram.group-commit.lanes=1}.
 */
abstract class HeldLaneTestBase {

    static final AtomicLong NEXT_UPDATE = new AtomicLong(System.currentTimeMillis() * 10 + 7_000_000_000L);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    final ExecutorService telegram = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        telegram.shutdownNow();
    }

    /**
     * Holds the only lane with an update whose inbox insert waits on a row this test has inserted
     * and not committed; posts the others, waits until all of them queue, then lets go.
     */
    List<Future<Integer>> whileTheLaneIsHeld(Posting others) throws Exception {
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

    double waiting() {
        return meters.get("starshop.webhook.group.commit.waiting").gauge().value();
    }

    Future<Integer> post(String update) {
        Api api = new Api(http);
        return telegram.submit(() -> api.send(HttpRequest.POST("/telegram/webhook", update)
                .contentType("application/json").header(WebhookSecret.HEADER, WebhookIntakeTest.SECRET)).status());
    }

    static List<Integer> statuses(List<Future<Integer>> answers) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(20, TimeUnit.SECONDS));
        }
        return statuses;
    }

    static List<Long> nextIds(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(NEXT_UPDATE.incrementAndGet());
        }
        return ids;
    }

    static String list(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static String message(long id) {
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":1,\"date\":1700000000,"
                + "\"chat\":{\"id\":-5,\"type\":\"group\"},\"text\":\"hello\"}}";
    }

    @FunctionalInterface
    interface Posting {
        List<Future<Integer>> post();
    }
}

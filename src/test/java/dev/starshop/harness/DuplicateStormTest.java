package dev.starshop.harness;

import dev.starshop.ledger.Ledger;
import dev.starshop.support.StandalonePostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7's duplicate storm: every payment delivered three times under its update_id (and one in
 * ten once more under a new update_id, as Telegram may), shuffled, posted by 16 threads to two
 * engines sharing one PostgreSQL. Exactly one payment per charge must come out, with a balanced
 * ledger. 200 payments at small scale, 2,000 at full ({@link HarnessScale}).
 * Durability is not what this test is about (the crash test is), so its PostgreSQL runs without fsync.
 */
class DuplicateStormTest {

    private static final int THREADS = 16;
    private static final String SECRET = "test-webhook-secret";

    @TempDir
    Path dataDir;

    @Test
    void paymentsDeliveredThreeTimesToTwoEnginesAreRecordedExactlyOnce() throws Exception {
        int count = HarnessScale.pick(200, 2_000);
        long seed = Long.getLong("starshop.harness.seed", new SecureRandom().nextLong());
        try (StandalonePostgres database = StandalonePostgres.start(dataDir, false);
             EmbeddedServer first = engine(database);
             EmbeddedServer second = engine(database)) {
            long opening = System.nanoTime();
            List<PayableOrder> orders = openShop(first, second, count);
            Duration placing = Duration.ofNanos(System.nanoTime() - opening);
            List<Delivery> storm = storm(orders, new Random(seed), first.getURI(), second.getURI());
            long started = System.nanoTime();
            List<Boolean> acknowledged = deliverConcurrently(storm);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            Books books = new Books(database::connect);
            List<WebhookDeliverer.Answer> answers = storm.stream().map(Delivery::deliverer).distinct()
                    .flatMap(d -> d.answers().stream()).toList();
            report(seed, count, placing, storm.size(), answers, took, books);

            assertTrue(acknowledged.stream().allMatch(Boolean::booleanValue), "every delivery was acknowledged");
            assertEquals(List.of(), answers.stream().filter(a -> a.status() >= 400 && a.status() < 500).toList(),
                    "no valid update is ever refused with a 4xx");
            assertEquals(List.of(), books.paidExactlyOnce(storm.stream().map(d -> d.update().chargeId()).distinct()
                    .toList(), orders.stream().map(PayableOrder::id).toList()), "seed " + seed);
            assertEquals(count, books.count("SELECT count(*) FROM payments"));
            assertEquals(count, books.count("SELECT count(*) FROM ledger_transactions WHERE kind = 'PAYMENT'"));
            assertEquals(List.of(), first.getApplicationContext().getBean(Ledger.class).checkInvariants());
        }
    }

    /** One POST (retried until acknowledged) of one update to one engine. */
    private record Delivery(PaymentUpdate update, WebhookDeliverer deliverer) {
    }

    private static EmbeddedServer engine(StandalonePostgres database) {
        Map<String, Object> properties = new HashMap<>(database.engineProperties());
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static List<PayableOrder> openShop(EmbeddedServer first, EmbeddedServer second, int count)
            throws Exception {
        SandboxShop shop = new SandboxShop(first.getURI(), "test-admin-token");
        // The same buyers exist in both engines' emulators, so either engine's receipt reaches its chat.
        new SandboxShop(second.getURI(), "test-admin-token").buyers(910_001, 20);
        return shop.orders(shop.product(), shop.buyers(910_001, 20), count);
    }

    /** Three deliveries of each payment, one in ten again under a new update_id; shuffled; random engine. */
    private static List<Delivery> storm(List<PayableOrder> orders, Random random, URI first, URI second) {
        WebhookDeliverer[] engines = {
                new WebhookDeliverer(first.resolve("/telegram/webhook"), SECRET),
                new WebhookDeliverer(second.resolve("/telegram/webhook"), SECRET)};
        PaymentUpdate.Ids ids = new PaymentUpdate.Ids(700_000_000L);
        List<Delivery> storm = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            PaymentUpdate update = PaymentUpdate.paying(orders.get(i), "storm-" + UUID.randomUUID(), ids.next());
            for (int copy = 0; copy < 3; copy++) {
                storm.add(new Delivery(update, engines[random.nextInt(2)]));
            }
            if (i % 10 == 0) {
                storm.add(new Delivery(update.underNewId(ids.next()), engines[random.nextInt(2)]));
            }
        }
        Collections.shuffle(storm, random);
        return storm;
    }

    private static List<Boolean> deliverConcurrently(List<Delivery> storm) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> sent = storm.stream().map(d -> pool.submit(() -> d.deliverer()
                    .deliver(d.update().updateId(), d.update().json(), Duration.ofSeconds(60)))).toList();
            List<Boolean> acknowledged = new ArrayList<>();
            for (Future<Boolean> delivery : sent) {
                acknowledged.add(delivery.get());
            }
            return acknowledged;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(long seed, int count, Duration placing, int deliveries, List<WebhookDeliverer.Answer> answers,
                               Duration took, Books books) {
        Map<Integer, Long> statuses = new HashMap<>();
        answers.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
        System.out.printf("DuplicateStormTest (%s scale, seed %d, replay with -Dstarshop.harness.seed=%d): "
                        + "%d orders placed in %d ms, %d deliveries to 2 engines by %d threads in %d ms; answers by status %s; "
                        + "payments rows %d, inbox rows %d%n", HarnessScale.name(), seed, seed, count, placing.toMillis(), deliveries,
                THREADS, took.toMillis(), statuses, books.count("SELECT count(*) FROM payments"),
                books.count("SELECT count(*) FROM telegram_updates"));
    }
}

package dev.starshop.harness;

import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.StandalonePostgres;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7's database outage: buyers pay through the emulator (pre-checkout, charge,
 * successful_payment, each a real webhook delivery with Telegram's redelivery) while PostgreSQL is
 * stopped for a while and started again. A recording hop between the emulator and the engine
 * writes down every answer. Small scale 48 payments and a 5 s outage; full 240 and 10 s.
 */
class DatabaseOutageTest {

    private static final int PAYERS = 12;
    private static final String SECRET = "test-webhook-secret";

    @TempDir
    Path dataDir;

    /** One buyer's attempt to pay one order, as the invoice sheet reported it. */
    private record Attempt(PayableOrder order, PayOutcome outcome, long startedNanos, long endedNanos) {
    }

    @Test
    void theWebhookNeverAcknowledgesWhatItCouldNotCommitAndNothingIsLost() throws Exception {
        int count = HarnessScale.pick(48, 240);
        Duration outage = Duration.ofSeconds(HarnessScale.pick(5, 10));
        try (StandalonePostgres database = StandalonePostgres.startDurable(dataDir);
             EmbeddedServer engine = engine(database);
             RecordingProxy hop = new RecordingProxy(engine.getURI().resolve("/telegram/webhook"))) {
            SandboxTelegram telegram = engine.getApplicationContext().getBean(SandboxTelegram.class);
            setWebhook(engine, hop.url());
            SandboxShop shop = new SandboxShop(engine.getURI(), "test-admin-token");
            List<PayableOrder> orders = shop.orders(shop.product(), shop.buyers(930_001, PAYERS), count);

            ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
            AtomicInteger paid = new AtomicInteger();
            List<Future<?>> payers = payConcurrently(telegram, orders, attempts, paid);
            awaitAtLeast(paid, count / 4);
            long stoppedAt = System.nanoTime();
            database.stop();
            Thread.sleep(outage.toMillis());
            database.restart();
            long restartedAt = System.nanoTime();
            for (Future<?> payer : payers) {
                payer.get();
            }
            List<Attempt> firstRound = List.copyOf(attempts);
            // Buyers whose payment failed during the outage try again, as they would.
            firstRound.stream().filter(a -> !a.outcome().isPaid())
                    .forEach(a -> attempts.add(pay(telegram, a.order())));
            awaitAllDelivered(telegram);

            List<RecordingProxy.Exchange> exchanges = hop.exchanges();
            Books books = new Books(database::connect);
            report(count, outage, firstRound, List.copyOf(attempts), exchanges, stoppedAt, restartedAt, books);

            List<RecordingProxy.Exchange> refused = exchanges.stream().filter(e -> !e.acknowledged()).toList();
            assertTrue(refused.size() > 0, "the outage met the load: some deliveries were refused");
            assertEquals(List.of(), refused.stream().filter(e -> e.status() != 503 || e.retryAfter() == null).toList(),
                    "an outage is answered 503 with Retry-After, nothing else");
            assertEquals(List.of(), exchanges.stream().filter(RecordingProxy.Exchange::acknowledged)
                    .filter(e -> e.sentNanos() > stoppedAt && e.answeredNanos() < restartedAt).toList(),
                    "no update is acknowledged while the database is down");
            assertEquals(List.of(), books.acknowledgedButMissing(exchanges.stream()
                    .filter(RecordingProxy.Exchange::acknowledged).map(RecordingProxy.Exchange::updateId)
                    .distinct().toList()), "every acknowledged update is in the inbox");
            List<String> charges = attempts.stream().filter(a -> a.outcome().isPaid())
                    .map(a -> a.outcome().telegramPaymentChargeId()).toList();
            assertEquals(count, charges.size(), "every order was paid once in the end");
            assertEquals(List.of(), books.paidExactlyOnce(charges, orders.stream().map(PayableOrder::id).toList()));
        }
    }

    private static EmbeddedServer engine(StandalonePostgres database) {
        Map<String, Object> properties = new HashMap<>(database.engineProperties());
        properties.put("micronaut.server.port", -1);
        // Telegram's real retry schedule is unknown; a 10 s cap keeps the test's tail short.
        properties.put("starshop.sandbox.retry-cap", "10s");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    /** The bot registers its webhook — at the recording hop — as BotSetup would. */
    private static void setWebhook(EmbeddedServer engine, URI url) throws Exception {
        String token = engine.getApplicationContext().getBean(BotCredentials.class).token();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        engine.getURI().resolve("/sandbox/bot" + token + "/setWebhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"secret_token\":\"" + SECRET + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
    }

    /** One thread per buyer, each paying its own orders one after another (a buyer has one invoice sheet). */
    private static List<Future<?>> payConcurrently(SandboxTelegram telegram, List<PayableOrder> orders,
                                                   ConcurrentLinkedQueue<Attempt> attempts, AtomicInteger paid) {
        ExecutorService pool = Executors.newFixedThreadPool(PAYERS);
        List<Future<?>> payers = new ArrayList<>();
        Map<Long, List<PayableOrder>> byBuyer = orders.stream().collect(Collectors.groupingBy(PayableOrder::buyer));
        byBuyer.values().forEach(own -> payers.add(pool.submit(() -> own.forEach(order -> {
            Attempt attempt = pay(telegram, order);
            attempts.add(attempt);
            if (attempt.outcome().isPaid()) {
                paid.incrementAndGet();
            }
        }))));
        pool.shutdown();
        return payers;
    }

    private static Attempt pay(SandboxTelegram telegram, PayableOrder order) {
        long started = System.nanoTime();
        PayOutcome outcome = telegram.pay(order.invoiceLink(), PayRequest.stars(order.buyer()));
        return new Attempt(order, outcome, started, System.nanoTime());
    }

    private static void awaitAtLeast(AtomicInteger paid, int enough) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (paid.get() < enough && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Telegram keeps redelivering until each update got its 2xx; wait for the last one. */
    private static void awaitAllDelivered(SandboxTelegram telegram) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (telegram.updates().stream().anyMatch(u -> "PENDING".equals(u.get("status")))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("updates still undelivered, by kind and last error: " + telegram.updates()
                        .stream().filter(u -> "PENDING".equals(u.get("status")))
                        .collect(Collectors.groupingBy(u -> u.get("kind") + " " + u.get("lastError"),
                                Collectors.counting())));
            }
            Thread.sleep(100);
        }
    }

    private static void report(int count, Duration outage, List<Attempt> firstRound, List<Attempt> all,
                               List<RecordingProxy.Exchange> exchanges, long stoppedAt, long restartedAt, Books books) {
        Map<String, Long> outcomes = firstRound.stream().collect(Collectors.groupingBy(
                a -> a.outcome().isPaid() ? "paid" : "failed: " + a.outcome().reason(), Collectors.counting()));
        Map<String, Long> answers = exchanges.stream().collect(Collectors.groupingBy(
                e -> e.kind() + " " + e.status(), Collectors.counting()));
        long longestAttempt = all.stream().mapToLong(a -> a.endedNanos() - a.startedNanos()).max().orElse(0);
        long longestAnswer = exchanges.stream().mapToLong(e -> e.answeredNanos() - e.sentNanos()).max().orElse(0);
        System.out.printf("DatabaseOutageTest (%s scale): %d payments by %d buyers, PostgreSQL down %d ms; "
                        + "first attempts %s; webhook answers by kind and status %s; longest pay attempt %d ms; "
                        + "longest webhook answer %d ms; payments rows %d%n", HarnessScale.name(), count, PAYERS,
                (restartedAt - stoppedAt) / 1_000_000, outcomes, answers, longestAttempt / 1_000_000,
                longestAnswer / 1_000_000, books.count("SELECT count(*) FROM payments"));
    }
}

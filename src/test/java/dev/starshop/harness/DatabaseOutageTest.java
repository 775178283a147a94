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
import java.util.TreeMap;
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
 * stopped for a while and started again, and other chats' messages keep arriving. A recording hop
 * between Telegram and the engine writes down every answer. 48 payments and a 15 s outage at small
 * scale, 240 and 20 s at full.
 *
 * <p>"Down" is what PostgreSQL says, not when the test asked ({@link OutageWindow}): stop() takes
 * a while to take effect and restart() returns after the server already accepts, and a delivery
 * sent before the server went away may well commit and be answered 200 a moment later. What is
 * judged is every delivery sent and answered while the server refused new connections. The outage
 * lasts longer than the engine's slowest refusal (a batch waits out the pool's 5 s
 * connection-timeout, then each of its updates once more alone) so that such deliveries exist.
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
        Duration outage = Duration.ofSeconds(HarnessScale.pick(15, 20));
        try (StandalonePostgres database = StandalonePostgres.startDurable(dataDir);
             EmbeddedServer engine = engine(database);
             RecordingProxy hop = new RecordingProxy(engine.getURI().resolve("/telegram/webhook"));
             OtherChats chats = new OtherChats(hop.url(), SECRET, Duration.ofMillis(250))) {
            SandboxTelegram telegram = engine.getApplicationContext().getBean(SandboxTelegram.class);
            setWebhook(engine, hop.url());
            SandboxShop shop = new SandboxShop(engine.getURI(), "test-admin-token");
            List<PayableOrder> orders = shop.orders(shop.product(), shop.buyers(930_001, PAYERS), count);

            ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
            AtomicInteger paid = new AtomicInteger();
            List<Future<?>> payers = payConcurrently(telegram, orders, attempts, paid);
            awaitAtLeast(paid, count / 4);
            OutageWindow down = OutageWindow.observe(database, () -> {
                chats.start();
                database.stop();
                Thread.sleep(outage.toMillis());
                database.restart();
                chats.stop();
            });
            for (Future<?> payer : payers) {
                payer.get();
            }
            List<Attempt> firstRound = List.copyOf(attempts);
            // Buyers whose payment failed during the outage try again, as they would.
            firstRound.stream().filter(a -> !a.outcome().isPaid())
                    .forEach(a -> attempts.add(pay(telegram, a.order())));
            awaitAllDelivered(telegram);
            assertTrue(chats.allAcknowledged(), "other chats' messages were delivered in the end");

            List<RecordingProxy.Exchange> exchanges = hop.exchanges();
            Books books = new Books(database::connect);
            List<RecordingProxy.Exchange> inside = exchanges.stream()
                    .filter(e -> down.encloses(e.sentNanos(), e.answeredNanos())).toList();
            report(count, chats.count(), firstRound, List.copyOf(attempts), exchanges, down, inside, books);

            assertTrue(inside.size() > 0, "the outage met the load: deliveries were sent and answered while "
                    + "PostgreSQL refused connections");
            assertEquals(List.of(), inside.stream().filter(RecordingProxy.Exchange::acknowledged).toList(),
                    "no update sent and answered while PostgreSQL refused connections is acknowledged");
            assertEquals(List.of(), exchanges.stream().filter(e -> !e.acknowledged())
                    .filter(e -> e.status() != 503 || e.retryAfter() == null).toList(),
                    "an outage is answered 503 with Retry-After, nothing else");
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

    private static void report(int count, long chatMessages, List<Attempt> firstRound, List<Attempt> all,
                               List<RecordingProxy.Exchange> exchanges, OutageWindow down,
                               List<RecordingProxy.Exchange> inside, Books books) {
        Map<String, Long> outcomes = firstRound.stream().collect(Collectors.groupingBy(
                a -> a.outcome().isPaid() ? "paid" : "failed: " + a.outcome().reason(), Collectors.counting()));
        long longestAttempt = all.stream().mapToLong(a -> a.endedNanos() - a.startedNanos()).max().orElse(0);
        long longestAnswer = exchanges.stream().mapToLong(e -> e.answeredNanos() - e.sentNanos()).max().orElse(0);
        System.out.printf("DatabaseOutageTest (%s scale): %d payments by %d buyers, %d messages from other chats; "
                        + "PostgreSQL %s; "
                        + "first attempts %s; webhook answers by kind and status %s, of which sent and answered "
                        + "inside the refusal window %s; longest pay attempt %d ms; longest webhook answer %d ms; "
                        + "payments rows %d%n", HarnessScale.name(), count, PAYERS, chatMessages, down, outcomes,
                byKindAndStatus(exchanges), byKindAndStatus(inside), longestAttempt / 1_000_000,
                longestAnswer / 1_000_000, books.count("SELECT count(*) FROM payments"));
    }

    private static Map<String, Long> byKindAndStatus(List<RecordingProxy.Exchange> exchanges) {
        return exchanges.stream().collect(Collectors.groupingBy(e -> e.kind() + " " + e.status(),
                TreeMap::new, Collectors.counting()));
    }
}

package dev.starshop.bench;

import dev.starshop.support.EngineProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Buyers placing orders in a closed loop: each of {@code connections} workers sends
 * {@code POST /api/orders} (signed initData of one of many sandbox users, a fresh Idempotency-Key)
 * and, once answered, the next one. The engine must run in sandbox mode: buyers are sandbox users
 * and their initData comes from the sandbox host's launch endpoint, which signs it with the
 * engine's generated bot token exactly as Telegram would.
 */
public final class OrderLoad {

    public static final String SKU = "bench-item";
    private static final long FIRST_USER_ID = 800_000_001L;
    private static final Pattern INVOICE_LINK = Pattern.compile("\"invoiceLink\"\\s*:\\s*\"https?://[^\"]+\"");
    private static final String ORDER = "{\"items\":[{\"sku\":\"" + SKU + "\",\"quantity\":1}],\"currency\":\"XTR\"}";

    private final URI base;
    private final List<String> initData;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private OrderLoad(URI base, List<String> initData) {
        this.base = base;
        this.initData = initData;
    }

    /** Creates the product (ample stock) and {@code buyers} sandbox users, and fetches their initData. */
    public static OrderLoad prepare(EngineProcess engine, int buyers) {
        URI base = engine.baseUrl();
        Http http = new Http();
        http.expect(201, HttpRequest.newBuilder(base.resolve("/api/admin/products"))
                .header("Authorization", "Bearer " + EngineProcess.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"sku":"%s","title":"Benchmark item","description":"Sold by the order benchmark",
                         "kind":"DIGITAL","stock":1000000000,"prices":[{"currency":"XTR","amount":50}]}"""
                        .formatted(SKU))).build(), 409);
        List<String> initData = SandboxBuyers.create(base, FIRST_USER_ID, buyers).all().stream()
                .map(SandboxBuyers.Buyer::initData).toList();
        return new OrderLoad(base, initData);
    }

    /** What one run produced. */
    public record Result(long placed, long failed, long withoutLink, Duration elapsed, Latencies latencies,
                         List<String> failures) {

        public double perSecond() {
            return placed / (elapsed.toNanos() / 1e9);
        }
    }

    /** Places orders over {@code connections} connections for {@code duration}. */
    public Result run(int connections, Duration duration) {
        return drive(connections, duration, worker -> HttpRequest.newBuilder(base.resolve("/api/orders"))
                .header("Authorization", "tma " + initData.get(worker.next() % initData.size()))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(ORDER)).build(), 201, true);
    }

    /** The baseline without an order: {@code GET /api/me}, HTTP and initData verification only. */
    public Result runMe(int connections, Duration duration) {
        return drive(connections, duration, worker -> HttpRequest.newBuilder(base.resolve("/api/me"))
                .header("Authorization", "tma " + initData.get(worker.next() % initData.size())).build(), 200, false);
    }

    /** Hands each worker its own sequence of buyers, offset so workers start on different buyers. */
    private interface RequestFactory {
        HttpRequest create(Counter worker);
    }

    private static final class Counter {
        private int value;

        Counter(int start) {
            value = start;
        }

        int next() {
            return value++;
        }
    }

    private Result drive(int connections, Duration duration, RequestFactory requests, int okStatus, boolean wantsLink) {
        Latencies latencies = new Latencies();
        AtomicLong failed = new AtomicLong();
        AtomicLong withoutLink = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            Counter counter = new Counter(w * 7919);
            running.add(workers.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(requests.create(counter),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != okStatus) {
                            failed.incrementAndGet();
                            if (failures.size() < 5) {
                                failures.add(response.statusCode() + " " + response.body());
                            }
                            continue;
                        }
                        latencies.record(System.nanoTime() - sent);
                        if (wantsLink && !INVOICE_LINK.matcher(response.body()).find()) {
                            withoutLink.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        failures.add(e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        Http.awaitAll(running);
        workers.shutdown();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(latencies.count(), failed.get(), withoutLink.get(), elapsed, latencies, List.copyOf(failures));
    }
}

package dev.starshop.harness;

import dev.starshop.bench.BenchReport;
import dev.starshop.support.EngineProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox as a developer demoing the shop leaves it: the engine jar with its defaults (the
 * README's run command), {@code bench.soak.clients} clients buying with Stars through the emulator
 * for {@code bench.soak.seconds}. Every {@code bench.soak.sample-seconds} it records the purchases
 * so far, the engine's resident memory and what the emulator holds. The figures are the ratios of
 * the last sample's RSS to the first one after warm-up (the JVM grows its heap to a working size
 * early, so this one is above 1 even when nothing leaks) and to the half-time sample (≈ 1.0 once the
 * emulator's rings are full and nothing else grows). Run:
 * {@code mvn -B verify -Pbench -Dit.test=SandboxSoakBench}.
 */
@Tag("bench")
class SandboxSoakBench {

    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.soak.seconds", 180));
    private static final Duration SAMPLE = Duration.ofSeconds(Integer.getInteger("bench.soak.sample-seconds", 20));
    private static final int CLIENTS = Integer.getInteger("bench.soak.clients", 4);
    private static final int BATCH = 10;

    @Test
    void memoryStaysFlatWhileTheSandboxSells(@TempDir Path temp) throws Exception {
        EngineProcess.Launch launch = EngineProcess.Launch.named("sandbox-soak")
                .withEnvironment(Map.of("STARSHOP_EMBEDDED_POSTGRES_DATA_DIR", temp.resolve("pgdata").toString()))
                .withEnvironment(EngineProcess.UNLIMITED_BUYERS);
        BenchReport report = new BenchReport("sandbox-soak").note("clients", CLIENTS).note("run s", RUN.toSeconds())
                .note("engine", "java -jar with its defaults; RSS of the engine JVM only");
        try (EngineProcess engine = EngineProcess.start(launch)) {
            engine.awaitHealthy(Duration.ofMinutes(3));
            SandboxShop shop = new SandboxShop(engine.baseUrl(), EngineProcess.ADMIN_TOKEN);
            String sku = shop.product();
            List<Long> buyers = shop.buyers(8_200_001L, CLIENTS);
            AtomicLong purchases = new AtomicLong();
            buy(shop, sku, buyers, Duration.ofSeconds(15), purchases);
            List<Map<String, Object>> samples = run(engine, shop, sku, buyers, purchases);
            samples.forEach(report::row);
            double first = rss(samples.get(0));
            double half = rss(samples.get(samples.size() / 2));
            double last = rss(samples.get(samples.size() - 1));
            report.note("RSS last / first", Math.round(last / first * 100) / 100.0)
                    .note("RSS last / half-time", Math.round(last / half * 100) / 100.0);
        }
        report.publish();
    }

    private static double rss(Map<String, Object> sample) {
        return (double) sample.get("RSS MB");
    }

    private static List<Map<String, Object>> run(EngineProcess engine, SandboxShop shop, String sku, List<Long> buyers,
                                                 AtomicLong purchases) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (long buyer : buyers) {
                running.add(clients.submit(() -> buy(shop, sku, List.of(buyer), RUN, purchases)));
            }
            List<Map<String, Object>> samples = new ArrayList<>();
            samples.add(sample(engine, shop, started, purchases));
            while (System.nanoTime() - started < RUN.toNanos()) {
                Thread.sleep(SAMPLE.toMillis());
                samples.add(sample(engine, shop, started, purchases));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return samples;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Buys in batches until {@code duration} has passed; every order must be paid. */
    private static Void buy(SandboxShop shop, String sku, List<Long> buyers, Duration duration, AtomicLong purchases)
            throws Exception {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            for (PayableOrder order : shop.orders(sku, buyers, BATCH)) {
                shop.pay(order);
                purchases.incrementAndGet();
            }
        }
        return null;
    }

    private static Map<String, Object> sample(EngineProcess engine, SandboxShop shop, long started,
                                              AtomicLong purchases) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("at s", Math.round((System.nanoTime() - started) / 1e9));
        row.put("purchases", purchases.get());
        row.put("RSS MB", Math.round(engine.residentBytes() / 1048576.0 * 10) / 10.0);
        row.put("emulator holds", shop.stats().get("held"));
        return row;
    }
}

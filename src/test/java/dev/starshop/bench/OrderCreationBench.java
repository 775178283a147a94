package dev.starshop.bench;

import dev.starshop.support.EngineProcess;
import dev.starshop.support.StandalonePostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark 4: {@code POST /api/orders} at {@code bench.orders.connections} (default 32) connections
 * in a closed loop, each request with signed initData of one of {@code bench.orders.buyers} buyers
 * and an invoice link created through the sandbox emulator, against the engine jar on a durable
 * PostgreSQL of the benchmark's own. Every 201 must carry an invoice link and the database must hold
 * exactly that many new orders. Baselines in the same run, same connections and duration:
 * {@code GET /api/me} (HTTP + initData verification, no database) and pgbench running the order's
 * own SQL (src/test/resources/bench/order-sql.pgbench). See docs/performance.md.
 */
@Tag("bench")
class OrderCreationBench {

    private static final int CONNECTIONS = Integer.getInteger("bench.orders.connections", 32);
    private static final int BUYERS = Integer.getInteger("bench.orders.buyers", 256);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.orders.warmup-seconds", 30));
    private static final Duration WARMUP_MAX = Duration.ofSeconds(Integer.getInteger("bench.orders.warmup-max-seconds", 120));
    private static final double WARMUP_JIT_SHARE = Double.parseDouble(System.getProperty("bench.orders.warmup-jit-share", "0.10"));
    private static final Duration WARMUP_ROUND = Duration.ofSeconds(10);
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.orders.seconds", 20));

    @Test
    void ordersPerSecondAgainstTheirSql(@TempDir Path temp) throws Exception {
        BenchReport report = new BenchReport("order-creation");
        report.note("connections", CONNECTIONS).note("buyers", BUYERS).note("engine settings", engineKnobs())
                .note("warm-up", "at least " + WARMUP.toSeconds() + " s, then until the JIT compilers take under "
                        + Math.round(100 * WARMUP_JIT_SHARE) + " % of the engine's CPU over 10 s, at most "
                        + WARMUP_MAX.toSeconds() + " s")
                .note("measured s", MEASURED.toSeconds());
        try (StandalonePostgres postgres = StandalonePostgres.startDurable(temp.resolve("pgdata"))) {
            Psql psql = new Psql(postgres.port());
            for (EngineJdk jdk : EngineJdk.selected()) {
                EngineProcess.Launch launch = EngineProcess.Launch.named("orders-bench-" + jdk.label().replace(' ', '-'))
                        .withJavaHome(jdk.home())
                        .withEnvironment(postgres.engineEnvironment())
                        .withEnvironment(EngineProcess.UNLIMITED_BUYERS)
                        .withEnvironment(engineKnobs())
                        .withJvmOptions(engineJvmOptions());
                try (EngineProcess engine = EngineProcess.start(launch)) {
                    engine.awaitHealthy(Duration.ofMinutes(3));
                    measure(jdk, engine, psql, new Pgbench(postgres), report, ServerCpu.of(postgres));
                }
            }
        }
        report.publish();
    }

    /**
     * The order engine's settings a run may change: {@code bench.orders.group-commit} (false places
     * every order alone), {@code bench.orders.lanes}, {@code bench.orders.concurrent-placements}.
     */
    private static Map<String, String> engineKnobs() {
        Map<String, String> knobs = new LinkedHashMap<>();
        knob(knobs, "bench.orders.group-commit", "STARSHOP_ORDERS_GROUP_COMMIT_ENABLED");
        knob(knobs, "bench.orders.lanes", "STARSHOP_ORDERS_GROUP_COMMIT_LANES");
        knob(knobs, "bench.orders.concurrent-placements", "STARSHOP_ORDERS_CONCURRENT_PLACEMENTS");
        return knobs;
    }

    /**
     * Extra JVM options for the engine process, space-separated ({@code bench.orders.engine-jvm-options}),
     * for profiling a run, e.g. {@code -XX:StartFlightRecording=filename=target/orders.jfr,settings=profile}.
     */
    private static List<String> engineJvmOptions() {
        String options = System.getProperty("bench.orders.engine-jvm-options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static void knob(Map<String, String> knobs, String property, String variable) {
        String value = System.getProperty(property);
        if (value != null) {
            knobs.put(variable, value);
        }
    }

    private void measure(EngineJdk jdk, EngineProcess engine, Psql psql, Pgbench pgbench, BenchReport report,
                         ServerCpu server) throws Exception {
        OrderLoad load = OrderLoad.prepare(engine, BUYERS);
        report.note("warm-up (" + jdk.label() + ")", warmUp(load, engine));
        double meCpuBefore = CpuTime.seconds(engine.pid());
        OrderLoad.Result me = load.runMe(CONNECTIONS, MEASURED);
        double meCpu = CpuTime.seconds(engine.pid()) - meCpuBefore;
        long before = countOrders(psql);
        OrderCommits commitsBefore = OrderCommits.read(engine.baseUrl());
        InvoiceCalls callsBefore = InvoiceCalls.read(engine.baseUrl());
        double engineCpuBefore = CpuTime.seconds(engine.pid());
        ThreadCpu threadCpuBefore = ThreadCpu.of(engine.pid());
        double serverCpuBefore = server.seconds();
        CompletableFuture<String> threads = CompletableFuture.supplyAsync(() -> {
            pause(MEASURED.dividedBy(2));
            return ThreadCensus.of(jdk.home(), engine.pid());
        });
        OrderLoad.Result orders = load.run(CONNECTIONS, MEASURED);
        double engineCpu = CpuTime.seconds(engine.pid()) - engineCpuBefore;
        ThreadCpu threadCpu = ThreadCpu.of(engine.pid());
        double serverCpu = server.seconds() - serverCpuBefore;
        long stored = countOrders(psql) - before;
        OrderCommits commits = OrderCommits.read(engine.baseUrl()).since(commitsBefore);
        InvoiceCalls calls = InvoiceCalls.read(engine.baseUrl()).since(callsBefore);
        assertEquals(0, orders.failed(), () -> "failed orders, e.g. " + orders.failures());
        assertEquals(0, orders.withoutLink(), "201 answers without an invoice link");
        assertEquals(orders.placed(), stored, "orders in the database vs. 201 answers");
        double serverCpuBeforePgbench = server.seconds();
        Pgbench.Result sql = pgbench.run(script(), CONNECTIONS, new Pgbench.Timed(MEASURED),
                Map.of("product", productId(psql), "buyers", Integer.toString(BUYERS)));
        double pgbenchServerCpu = server.seconds() - serverCpuBeforePgbench;
        report.row(row(jdk, "POST /api/orders", orders.perSecond(), orders.latencies(), orders.perSecond()));
        report.row(row(jdk, "baseline: GET /api/me", me.perSecond(), me.latencies(), orders.perSecond()));
        report.row(row(jdk, "baseline: pgbench order SQL", sql.tps(), sql.latencies(), orders.perSecond()));
        report.note("engine threads under load (" + jdk.label() + ")", threads.join());
        report.note("order transactions per order (" + jdk.label() + ")", String.format(Locale.ROOT,
                "%.3f: %d shared transactions held %d of %d orders, the rest were placed alone",
                commits.transactionsPerOrder(orders.placed()), commits.sharedTransactions(), commits.ordersShared(),
                orders.placed()));
        report.note("CPU ms per order (" + jdk.label() + ")", String.format(Locale.ROOT,
                "engine %.2f (its JVM: HTTP, initData, JSON, the emulator's invoice call, JIT, GC); PostgreSQL "
                        + "%.2f for the engine's orders, %.2f per pgbench run of the script (one order)",
                1000 * engineCpu / orders.placed(), 1000 * serverCpu / orders.placed(),
                1000 * pgbenchServerCpu / sql.transactions()));
        report.note("engine CPU ms per order by thread (" + jdk.label() + ")",
                threadCpu.millisPerItemSince(threadCpuBefore, orders.placed()));
        report.note("CPU ms per GET /api/me (" + jdk.label() + ")", String.format(Locale.ROOT,
                "engine %.3f (the web layer alone: HTTP, filters, initData, JSON; an order also makes and serves "
                        + "one Bot API call, i.e. two more HTTP exchanges in this JVM)",
                1000 * meCpu / me.placed()));
        report.note("invoice calls holding a connection (" + jdk.label() + ")", calls.holding() + " of "
                + (calls.free() + calls.holding()));
    }

    /**
     * Orders in rounds of 10 s, for at least {@code bench.orders.warmup-seconds}, then until the JIT
     * compilers took less than {@code bench.orders.warmup-jit-share} of the engine's CPU in the last
     * round, or {@code bench.orders.warmup-max-seconds} have passed. Code run once per order reaches
     * C2's thresholds only after thousands of orders, so a fixed 30 s left the compilers working
     * through the measured window (a third of the engine's CPU per order on a loaded host): the row
     * is meant to measure the engine warm. {@code -Dbench.orders.warmup-max-seconds=30} is the fixed
     * 30 s of before. Answers what the notes say about it, with the orders per second of each round (how fast the
     * engine warms up, e.g. under JIT flags given by {@code bench.orders.engine-jvm-options}).
     */
    private static String warmUp(OrderLoad load, EngineProcess engine) {
        Duration spent = Duration.ZERO;
        double compilerShare;
        List<String> rounds = new ArrayList<>();
        do {
            ThreadCpu before = ThreadCpu.of(engine.pid());
            rounds.add(String.format(Locale.ROOT, "%.0f", load.run(CONNECTIONS, WARMUP_ROUND).perSecond()));
            compilerShare = ThreadCpu.of(engine.pid()).compilerShareSince(before);
            spent = spent.plus(WARMUP_ROUND);
        } while (spent.compareTo(WARMUP_MAX) < 0
                && (spent.compareTo(WARMUP) < 0 || compilerShare >= WARMUP_JIT_SHARE));
        return String.format(Locale.ROOT, "%d s; the JIT compilers' share of the engine's CPU in its last 10 s: %.0f %%;"
                + " orders/s in each 10 s round: %s", spent.toSeconds(), 100 * compilerShare, String.join(", ", rounds));
    }

    private static Map<String, Object> row(EngineJdk jdk, String what, double perSecond, Latencies latencies,
                                           double ordersPerSecond) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("engine", jdk.label());
        row.put("load", what);
        row.put("per s", perSecond);
        row.put("p50 ms", latencies.percentileMillis(0.50));
        row.put("p99 ms", latencies.percentileMillis(0.99));
        row.put("count", latencies.count());
        row.put("orders/s ÷ this", ordersPerSecond / perSecond);
        return row;
    }

    private static long countOrders(Psql psql) {
        return Long.parseLong(psql.run("SELECT count(*) FROM orders"));
    }

    private static String productId(Psql psql) {
        return psql.run("SELECT id FROM products WHERE sku = '" + OrderLoad.SKU + "'");
    }

    private static Path script() throws URISyntaxException {
        return Path.of(OrderCreationBench.class.getResource("/bench/order-sql.pgbench").toURI());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

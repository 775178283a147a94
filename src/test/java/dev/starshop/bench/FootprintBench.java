package dev.starshop.bench;

import dev.starshop.support.EngineProcess;
import dev.starshop.support.StandalonePostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 5: the engine jar's time from launch to the first 200 on /health with an embedded
 * PostgreSQL (fresh data directory, i.e. with initdb, then again on the existing data) and with an
 * external one, and the engine JVM's resident memory idle and under load (orders at
 * {@code bench.footprint.connections} connections for {@code bench.footprint.load-seconds}; target
 * ≤ 512 MB). The JVM runs with its defaults, as {@code java -jar} does. Baselines in the same run:
 * a bare JVM's {@code java -version}, PostgreSQL's own initdb + start, and a bare idle JVM's memory.
 */
@Tag("bench")
class FootprintBench {

    private static final Duration IDLE = Duration.ofSeconds(Integer.getInteger("bench.footprint.idle-seconds", 5));
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.footprint.load-seconds", 20));
    private static final int CONNECTIONS = Integer.getInteger("bench.footprint.connections", 4);
    private static final double RSS_TARGET_MB = 512;

    @Test
    void startUpAndMemory(@TempDir Path temp) throws Exception {
        BenchReport report = new BenchReport("footprint");
        report.note("idle s", IDLE.toSeconds()).note("load", CONNECTIONS + " connections of POST /api/orders for "
                + LOAD.toSeconds() + " s").note("engine RSS", "the engine JVM only; PostgreSQL's processes not included");
        for (EngineJdk jdk : EngineJdk.selected()) {
            measure(jdk, temp.resolve(jdk.label().replace(' ', '-')), report);
        }
        report.publish();
    }

    private void measure(EngineJdk jdk, Path dir, BenchReport report) throws Exception {
        double bareStart = Timed.run(() -> run(jdk, List.of("-version"))).seconds();
        double bareRss = Rss.mb(idleJvmRss(jdk));
        Timed<StandalonePostgres> postgresStart = Timed.run(() -> StandalonePostgres.startDurable(dir.resolve("pg")));
        Path embeddedData = dir.resolve("embedded-pgdata");
        EngineProcess.Launch embedded = EngineProcess.Launch.named("footprint-embedded-" + jdk.label().replace(' ', '-'))
                .withJavaHome(jdk.home())
                .withEnvironment(Map.of("STARSHOP_EMBEDDED_POSTGRES_DATA_DIR", embeddedData.toString()))
                .withEnvironment(EngineProcess.UNLIMITED_BUYERS);
        double parts = bareStart + postgresStart.seconds();
        try (StandalonePostgres external = postgresStart.value()) {
            report.row(row(jdk, "baseline: java -version", bareStart, "s", null, null));
            report.row(row(jdk, "baseline: PostgreSQL initdb + start", postgresStart.seconds(), "s", null, null));
            try (EngineProcess engine = EngineProcess.start(embedded)) {
                double healthy = seconds(engine.awaitHealthy(Duration.ofMinutes(3)));
                report.row(row(jdk, "healthy, embedded PG, fresh data dir", healthy, "s", parts, "JVM + PG start"));
            }
            try (EngineProcess engine = EngineProcess.start(embedded)) {
                double healthy = seconds(engine.awaitHealthy(Duration.ofMinutes(3)));
                report.row(row(jdk, "healthy, embedded PG, existing data", healthy, "s", parts, "JVM + PG start"));
                pause(IDLE);
                report.row(row(jdk, "baseline: RSS of a bare idle JVM", bareRss, "MB", null, null));
                report.row(row(jdk, "RSS idle", Rss.mb(engine.residentBytes()), "MB", bareRss, "bare JVM RSS"));
                Map<String, Object> loaded = row(jdk, "RSS under order load (max)", Rss.mb(peakRssUnderLoad(engine)),
                        "MB", bareRss, "bare JVM RSS");
                loaded.put("target", (double) loaded.get("value") <= RSS_TARGET_MB ? "met (≤ 512 MB)" : "MISSED (≤ 512 MB)");
                report.row(loaded);
            }
            EngineProcess.Launch outside = EngineProcess.Launch.named("footprint-external-" + jdk.label().replace(' ', '-'))
                    .withJavaHome(jdk.home())
                    .withEnvironment(external.engineEnvironment())
                    .withEnvironment(EngineProcess.UNLIMITED_BUYERS);
            try (EngineProcess engine = EngineProcess.start(outside)) {
                double healthy = seconds(engine.awaitHealthy(Duration.ofMinutes(3)));
                report.row(row(jdk, "healthy, external PG", healthy, "s", bareStart, "java -version"));
            }
        }
    }

    /** Samples the engine's RSS every 200 ms while buyers place orders; returns the largest. */
    private static long peakRssUnderLoad(EngineProcess engine) {
        OrderLoad load = OrderLoad.prepare(engine, 64);
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong(engine.residentBytes());
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
            while (loading.get()) {
                peak.accumulateAndGet(engine.residentBytes(), Math::max);
                pause(Duration.ofMillis(200));
            }
        });
        OrderLoad.Result result = load.run(CONNECTIONS, LOAD);
        loading.set(false);
        sampler.join();
        if (result.failed() > 0 || result.placed() == 0) {
            throw new IllegalStateException("The load failed: " + result.failures());
        }
        return Math.max(peak.get(), engine.residentBytes());
    }

    private static long idleJvmRss(EngineJdk jdk) throws Exception {
        Process idle = new ProcessBuilder(jdk.home().resolve("bin/java").toString(), "-cp",
                Path.of("target", "test-classes").toString(), IdleJvm.class.getName(), "30000").start();
        try {
            pause(IDLE);
            return Rss.bytes(idle.pid());
        } finally {
            idle.destroy();
            idle.waitFor();
        }
    }

    private static Void run(EngineJdk jdk, List<String> arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(jdk.home().resolve("bin/java").toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
        return null;
    }

    private static Map<String, Object> row(EngineJdk jdk, String what, double value, String unit, Double baseline,
                                           String baselineName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("engine", jdk.label());
        row.put("measurement", what);
        row.put("value", value);
        row.put("unit", unit);
        row.put("baseline", baselineName == null ? "" : baselineName);
        row.put("x baseline", baseline == null ? null : value / baseline);
        row.put("target", "");
        return row;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.starshop.bench;

import dev.starshop.support.EngineProcess;
import dev.starshop.support.StandalonePostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 5: the engine jar's time from launch to the first 200 on /health with an embedded
 * PostgreSQL (fresh data directory, i.e. with initdb, then again on the existing data) and with an
* external one (a fresh database, so the migrations run, then a restart on it), and the engine JVM's resident memory idle
 * and under load (orders at {@code bench.footprint.connections} connections for
 * {@code bench.footprint.load-seconds}).
 *
 * <p>Two passes per JDK. <b>No flags</b>: the JVM's defaults, as {@code java -jar} runs it.
 * <b>Production flags</b>: {@code src/main/launcher/production.jvm-options} and a class-data archive made the way
 * {@code src/main/launcher/starshop} makes it (a first run with {@code -XX:ArchiveClassesAtExit} that writes the
 * archive when it stops, then {@code -XX:SharedArchiveFile}; on Java 25+ the JDK's AOT cache the same way,
 * {@code -XX:AOTCacheOutput} then {@code -XX:AOTCache}). Baselines in the same run: a bare
 * JVM's {@code java -version}, PostgreSQL's own initdb + start, and a bare idle JVM's memory. Each
 * start also reports the CPU time the engine used until healthy, which the host's load moves less
 * than the wall time.
 */
@Tag("bench")
class FootprintBench {

    private static final Duration IDLE = Duration.ofSeconds(Integer.getInteger("bench.footprint.idle-seconds", 5));
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.footprint.load-seconds", 20));
    private static final int CONNECTIONS = Integer.getInteger("bench.footprint.connections", 4);
    /** Starts per target row (embedded on existing data, external restart); the row reports the median start. */
    private static final int STARTS = Math.max(1, Integer.getInteger("bench.footprint.starts", 3));
    /** How long a start may take before the run fails: a loaded, shared host can need minutes. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Integer.getInteger("bench.footprint.start-timeout-seconds", 600));
    private static final Path PRODUCTION_OPTIONS =
            Path.of("src", "main", "launcher", "production.jvm-options").toAbsolutePath();
    /** Added on JDK 25 and later, as src/main/launcher/starshop adds it. */
    private static final Path PRODUCTION_JDK25_OPTIONS =
            Path.of("src", "main", "launcher", "production-jdk25.jvm-options").toAbsolutePath();
    private static final String NO_FLAGS = "none";
    private static final String PRODUCTION = "production";
    /** What src/main/launcher/starshop sets besides the JVM flags. */
    private static final Map<String, String> PRODUCTION_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** Targets of issue 18 (start-up for both passes; memory with the production flags) and the old 512 MB. */
    private static final double EXTERNAL_START_TARGET_S = 2.0;
    private static final double EMBEDDED_START_TARGET_S = 3.0;
    private static final double IDLE_RSS_TARGET_MB = 160;
    private static final double LOADED_RSS_TARGET_MB = 256;
    private static final double LOADED_RSS_DEFAULT_TARGET_MB = 512;

    @Test
    void startUpAndMemory(@TempDir Path temp) throws Exception {
        BenchReport report = new BenchReport("footprint");
        report.note("idle s", IDLE.toSeconds()).note("load", CONNECTIONS + " connections of POST /api/orders for "
                + LOAD.toSeconds() + " s").note("engine RSS", "the engine JVM only; PostgreSQL's processes not included")
                .note("production flags", String.join(" ", options(PRODUCTION_OPTIONS)) + " (JDK 25: also "
                        + String.join(" ", options(PRODUCTION_JDK25_OPTIONS)) + "), MALLOC_ARENA_MAX=2, class-data archive")
                .note("cpu s", "CPU time the engine process used from launch until healthy (all threads)")
                .note("starts", STARTS + " per target row (embedded on existing data, external restart): the row is"
                        + " the median start by wall time, with its CPU; \"samples\" lists every start as wall/cpu s");
        for (EngineJdk jdk : EngineJdk.selected()) {
            measure(jdk, temp.resolve(jdk.label().replace(' ', '-')), report);
        }
        report.publish();
    }

    private void measure(EngineJdk jdk, Path dir, BenchReport report) throws Exception {
        double bareStart = Timed.run(() -> run(jdk, List.of("-version"))).seconds();
        double bareRss = Rss.mb(idleJvmRss(jdk));
        Timed<StandalonePostgres> postgresStart = Timed.run(() -> StandalonePostgres.startDurable(dir.resolve("pg")));
        Baselines baselines = new Baselines(bareStart, bareStart + postgresStart.seconds(), bareRss);
        String name = jdk.label().replace(' ', '-');
        EngineProcess.Launch embedded = EngineProcess.Launch.named("footprint-embedded-" + name)
                .withJavaHome(jdk.home())
                .withEnvironment(Map.of("STARSHOP_EMBEDDED_POSTGRES_DATA_DIR", dir.resolve("embedded-pgdata").toString()))
                .withEnvironment(EngineProcess.UNLIMITED_BUYERS);
        try (StandalonePostgres external = postgresStart.value()) {
            report.row(row(jdk, NO_FLAGS, "baseline: java -version", bareStart, "s", null, null));
            report.row(row(jdk, NO_FLAGS, "baseline: PostgreSQL initdb + start", postgresStart.seconds(), "s", null, null));
            report.row(row(jdk, NO_FLAGS, "baseline: RSS of a bare idle JVM", bareRss, "MB", null, null));
            try (EngineProcess engine = EngineProcess.start(embedded)) {
                report.row(healthy(jdk, NO_FLAGS, engine, "healthy, embedded PG, fresh data dir",
                        baselines.jvmAndPostgresStart(), "JVM + PG start", null));
            }
            List<String> production = productionOptions(jdk);
            // As src/main/launcher/starshop: the JDK's AOT cache on Java 25+, a dynamic class-data archive before.
            Path archive = dir.resolve(jdk.hasAotCache() ? "starshop.aot" : "starshop.jsa");
            String record = jdk.hasAotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
            String use = jdk.hasAotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
            measurePass(jdk, NO_FLAGS, embedded, externalLaunch(external, "starshop_plain", name, jdk), baselines, report);
            try (EngineProcess training = EngineProcess.start(embedded.withName("footprint-training-" + name)
                    .withEnvironment(PRODUCTION_ENVIRONMENT).withJvmOptions(with(production, record + archive)))) {
                report.row(healthy(jdk, PRODUCTION, training, "healthy, embedded PG, existing data, first run (no archive yet)",
                        baselines.jvmAndPostgresStart(), "JVM + PG start", null));
            }
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("The first run wrote no class-data archive at " + archive);
            }
            List<String> withArchive = with(production, use + archive);
            measurePass(jdk, PRODUCTION, embedded.withName("footprint-embedded-production-" + name)
                            .withEnvironment(PRODUCTION_ENVIRONMENT).withJvmOptions(withArchive),
                    externalLaunch(external, "starshop_production", name, jdk)
                            .withEnvironment(PRODUCTION_ENVIRONMENT).withJvmOptions(withArchive), baselines, report);
        }
    }

    /**
     * Existing embedded data (start, idle and loaded memory), then a fresh external database (every migration
     * runs), then a restart on that database. The external target is held to the restart, the usual start.
     */
    private void measurePass(EngineJdk jdk, String flags, EngineProcess.Launch embedded, EngineProcess.Launch external,
                             Baselines baselines, BenchReport report) {
        StartSamples embeddedStarts = earlierStarts(embedded);
        try (EngineProcess engine = EngineProcess.start(embedded)) {
            report.row(medianStart(jdk, flags, embeddedStarts, engine, "healthy, embedded PG, existing data",
                    baselines.jvmAndPostgresStart(), "JVM + PG start", EMBEDDED_START_TARGET_S));
            pause(IDLE);
            Map<String, Object> idle = row(jdk, flags, "RSS idle", Rss.mb(engine.residentBytes()), "MB",
                    baselines.idleJvmRss(), "bare JVM RSS");
            report.row(flags.equals(PRODUCTION) ? withTarget(idle, IDLE_RSS_TARGET_MB, "MB") : idle);
            Map<String, Object> loaded = row(jdk, flags, "RSS under order load (max)", Rss.mb(peakRssUnderLoad(engine)),
                    "MB", baselines.idleJvmRss(), "bare JVM RSS");
            report.row(withTarget(loaded, flags.equals(PRODUCTION) ? LOADED_RSS_TARGET_MB : LOADED_RSS_DEFAULT_TARGET_MB, "MB"));
        }
        try (EngineProcess engine = EngineProcess.start(external)) {
            report.row(healthy(jdk, flags, engine, "healthy, external PG, fresh database",
                    baselines.jvmStart(), "java -version", null));
        }
        // The usual start: a restart on the database the run above migrated (the schema is current, so Flyway is not started: docs/operations.md#migrations).
        EngineProcess.Launch restart = external.withName(external.name() + "-restart");
        StartSamples restarts = earlierStarts(restart);
        try (EngineProcess engine = EngineProcess.start(restart)) {
            report.row(medianStart(jdk, flags, restarts, engine, "healthy, external PG, existing schema (restart)",
                    baselines.jvmStart(), "java -version", EXTERNAL_START_TARGET_S));
        }
    }

    /** All but the last of a target row's starts, each stopped once healthy; the last one goes on to be measured. */
    private static StartSamples earlierStarts(EngineProcess.Launch launch) {
        StartSamples starts = new StartSamples();
        for (int start = 1; start < STARTS; start++) {
            try (EngineProcess engine = EngineProcess.start(launch)) {
                starts.add(seconds(engine.awaitHealthy(START_TIMEOUT)), CpuTime.seconds(engine.pid()));
            }
        }
        return starts;
    }

    /** The last start joins the earlier ones; the row holds the median start and lists them all. */
    private static Map<String, Object> medianStart(EngineJdk jdk, String flags, StartSamples starts,
                                                   EngineProcess last, String what, double baseline,
                                                   String baselineName, double target) {
        starts.add(seconds(last.awaitHealthy(START_TIMEOUT)), CpuTime.seconds(last.pid()));
        StartSamples.Start median = starts.median();
        Map<String, Object> row = row(jdk, flags, what, median.seconds(), "s", baseline, baselineName);
        row.put("cpu s", median.cpuSeconds());
        row.put("samples", starts.listed());
        return withTarget(row, target, "s");
    }

    /** Waits for the first 200 on /health: seconds since launch, the CPU time used until then, the ratio. */
    private static Map<String, Object> healthy(EngineJdk jdk, String flags, EngineProcess engine, String what,
                                               double baseline, String baselineName, Double target) {
        double seconds = seconds(engine.awaitHealthy(START_TIMEOUT));
        double cpu = CpuTime.seconds(engine.pid());
        Map<String, Object> row = row(jdk, flags, what, seconds, "s", baseline, baselineName);
        row.put("cpu s", cpu);
        return target == null ? row : withTarget(row, target, "s");
    }

    /** A fresh, empty database on the external server, so that this engine runs every migration. */
    private static EngineProcess.Launch externalLaunch(StandalonePostgres server, String database, String name,
                                                      EngineJdk jdk) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create " + database, e);
        }
        return EngineProcess.Launch.named("footprint-external-" + database + "-" + name)
                .withJavaHome(jdk.home())
                .withEnvironment(Map.of(
                        "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://localhost:" + server.port() + "/" + database,
                        "DATASOURCES_DEFAULT_USERNAME", StandalonePostgres.USER,
                        "DATASOURCES_DEFAULT_PASSWORD", ""))
                .withEnvironment(EngineProcess.UNLIMITED_BUYERS);
    }

    /**
     * src/main/launcher/production.jvm-options, and on JDK 25 and later production-jdk25.jvm-options, as
     * {@code src/main/launcher/starshop} passes them (@argfiles).
     */
    private static List<String> productionOptions(EngineJdk jdk) {
        int feature = Integer.parseInt(jdk.label().replaceAll("\\D", ""));
        return feature >= 25 ? with(options(PRODUCTION_OPTIONS), options(PRODUCTION_JDK25_OPTIONS))
                : options(PRODUCTION_OPTIONS);
    }

    /** An @argfile's flags, one a line. */
    private static List<String> options(Path argfile) {
        try {
            return Files.readAllLines(argfile).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> with(List<String> options, String more) {
        return with(options, List.of(more));
    }

    private static List<String> with(List<String> options, List<String> more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(more);
        return all;
    }

    private record Baselines(double jvmStart, double jvmAndPostgresStart, double idleJvmRss) {
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
        List<String> command = new ArrayList<>(List.of(jdk.home().resolve("bin/java").toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
        return null;
    }

    private static Map<String, Object> row(EngineJdk jdk, String flags, String what, double value, String unit,
                                           Double baseline, String baselineName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("engine", jdk.label());
        row.put("flags", flags);
        row.put("measurement", what);
        row.put("value", value);
        row.put("unit", unit);
        row.put("cpu s", null);
        row.put("baseline", baselineName == null ? "" : baselineName);
        row.put("x baseline", baseline == null ? null : value / baseline);
        row.put("target", "");
        return row;
    }

    private static Map<String, Object> withTarget(Map<String, Object> row, double limit, String unit) {
        String bound = "≤ " + (limit == Math.rint(limit) ? Long.toString((long) limit) : Double.toString(limit)) + " " + unit;
        row.put("target", ((double) row.get("value") <= limit ? "met (" : "MISSED (") + bound + ")");
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

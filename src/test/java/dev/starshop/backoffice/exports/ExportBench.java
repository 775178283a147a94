package dev.starshop.backoffice.exports;

import dev.starshop.bench.BenchReport;
import dev.starshop.bench.EngineJdk;
import dev.starshop.bench.GcLog;
import dev.starshop.bench.LedgerSeed;
import dev.starshop.bench.Psql;
import dev.starshop.bench.Timed;
import dev.starshop.money.CurrencyTable;
import dev.starshop.support.EngineProcess;
import dev.starshop.support.StandalonePostgres;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark 3: the ledger export of {@code bench.export.postings} postings (default 1,000,000) as CSV
 * and as XLSX, downloaded over HTTP from the engine jar running with {@code -Xmx256m} (a heap above
 * 256 MB would end the export with an OutOfMemoryError, i.e. a broken download and a failed run).
 * Baseline in the same run: {@code psql \copy} of the export's own SELECT to CSV. Each of
 * {@code bench.export.rounds} rounds (default 3) times COPY, CSV and XLSX once; the best of each is
 * compared. Peak heap comes from the engine's GC log during each download. See docs/performance.md.
 */
@Tag("bench")
class ExportBench {

    private static final int POSTINGS = Integer.getInteger("bench.export.postings", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("bench.export.rounds", 3);
    private static final String HEAP_LIMIT = "-Xmx256m";
    private static final double CSV_TARGET_RATIO = 1.5;
    private static final double HEAP_TARGET_MB = 256;
    private static final String FROM = "2026-01-01";
    private static final String TO = "2026-12-31";
    private static final String WARM_UP_TO = "2026-01-02";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void ledgerExportAgainstCopy(@TempDir Path temp) throws Exception {
        BenchReport report = new BenchReport("export");
        report.note("postings", POSTINGS).note("rounds", ROUNDS).note("engine heap", HEAP_LIMIT);
        List<String> failures = new ArrayList<>();
        try (StandalonePostgres postgres = StandalonePostgres.startDurable(temp.resolve("pgdata"))) {
            boolean seeded = false;
            for (EngineJdk jdk : EngineJdk.selected()) {
                GcLog gc = new GcLog(temp.resolve("gc-" + jdk.label().replace(' ', '-') + ".log"));
                EngineProcess.Launch launch = EngineProcess.Launch.named("export-bench-" + jdk.label().replace(' ', '-'))
                        .withJavaHome(jdk.home())
                        .withJvmOptions(List.of(HEAP_LIMIT, gc.jvmOption()))
                        .withEnvironment(postgres.engineEnvironment());
                try (EngineProcess engine = EngineProcess.start(launch)) {
                    engine.awaitHealthy(Duration.ofMinutes(3)); // Flyway has migrated the database by now
                    if (!seeded) {
                        Timed<Void> seeding = Timed.run(() -> seed(postgres));
                        report.note("seeding (set-based, through the ledger triggers)", seeding.seconds() + " s");
                        seeded = true;
                    }
                    measure(jdk, engine, gc, new Psql(postgres.port()), temp, report);
                } catch (RuntimeException | AssertionError e) {
                    // keep the other JDK's figures: report the failure as a row, fail at the end
                    failures.add(jdk.label() + ": " + e);
                    report.row(Map.of("engine", jdk.label(), "output", "FAILED", "target", e.toString()));
                }
            }
        }
        report.publish();
        assertEquals(List.of(), failures, "export runs that failed");
    }

    private void measure(EngineJdk jdk, EngineProcess engine, GcLog gc, Psql psql, Path temp, BenchReport report)
            throws IOException {
        Path copyFile = temp.resolve("copy.csv");
        psql.copyToCsv(baselineSelect(), copyFile); // warms PostgreSQL's cache; not counted
        warmUp(engine, temp); // and the engine's JIT, as a running engine is warm
        double copyBest = Double.MAX_VALUE;
        Download csv = null;
        Download xlsx = null;
        for (int round = 0; round < ROUNDS; round++) {
            copyBest = Math.min(copyBest, Timed.run(() -> {
                psql.copyToCsv(baselineSelect(), copyFile);
                return null;
            }).seconds());
            csv = Download.best(csv, download(engine, gc, "ledger.csv", temp));
            xlsx = Download.best(xlsx, download(engine, gc, "ledger.xlsx", temp));
        }
        assertEquals(POSTINGS, ExportedFiles.csvRows(copyFile), "rows from COPY");
        assertEquals(POSTINGS, ExportedFiles.csvRows(temp.resolve("ledger.csv")), "rows in the CSV export");
        assertEquals(POSTINGS, ExportedFiles.xlsxRows(temp.resolve("ledger.xlsx")), "rows in the XLSX export");
        long copyBytes = Files.size(copyFile);
        report.row(row(jdk, "COPY (baseline)", copyBest, copyBytes, copyBest, null, null));
        report.row(row(jdk, "CSV", csv.seconds(), csv.bytes(), copyBest, csv.heap(), CSV_TARGET_RATIO));
        report.row(row(jdk, "XLSX", xlsx.seconds(), xlsx.bytes(), copyBest, xlsx.heap(), null));
    }

    /**
     * One untimed export of each format over the first two days (about 7 % of the rows): the first
     * export in a fresh JVM runs interpreted until the JIT has compiled its loop, which measured
     * twice the time of a warm one for the CSV. COPY gets its own untimed run likewise.
     */
    private void warmUp(EngineProcess engine, Path temp) {
        for (String file : List.of("ledger.csv", "ledger.xlsx")) {
            HttpResponse<Path> response = send(exportRequest(engine, file, FROM, WARM_UP_TO),
                    temp.resolve("warm-" + file));
            assertEquals(200, response.statusCode(), "warm-up " + file);
        }
    }

    private HttpRequest exportRequest(EngineProcess engine, String file, String from, String to) {
        URI uri = engine.baseUrl().resolve("/api/admin/exports/" + file + "?from=" + from + "&to=" + to);
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + EngineProcess.ADMIN_TOKEN).build();
    }

    private HttpResponse<Path> send(HttpRequest request, Path file) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Download download(EngineProcess engine, GcLog gc, String file, Path temp) {
        HttpRequest request = exportRequest(engine, file, FROM, TO);
        long mark = gc.mark();
        Timed<HttpResponse<Path>> response = Timed.run(
                () -> http.send(request, HttpResponse.BodyHandlers.ofFile(temp.resolve(file))));
        assertEquals(200, response.value().statusCode(), file);
        pause(); // lets the JVM write the GC log lines of the last collections
        try {
            return new Download(response.seconds(), Files.size(response.value().body()), gc.since(mark));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(EngineJdk jdk, String what, double seconds, long bytes, double copySeconds,
                                           GcLog.Heap heap, Double targetRatio) {
        Map<String, Object> row = new LinkedHashMap<>();
        double ratio = seconds / copySeconds;
        row.put("engine", jdk.label());
        row.put("output", what);
        row.put("seconds", seconds);
        row.put("MB", bytes / 1048576.0);
        row.put("rows/s", POSTINGS / seconds);
        row.put("x COPY", ratio);
        row.put("peak heap MB", heap == null ? null : heap.peakMb());
        row.put("max live heap MB", heap == null ? null : heap.maxLiveMb());
        row.put("GCs", heap == null ? null : heap.collections());
        row.put("target", heap == null ? "" : verdict(ratio, targetRatio, heap));
        return row;
    }

    /**
     * The heap can never pass -Xmx, so finishing only proves it fit; what still survived collections
     * tells whether it fit with room or only just (and would fail with somewhat more data).
     */
    private static String verdict(double ratio, Double targetRatio, GcLog.Heap heap) {
        boolean timeOk = targetRatio == null || ratio <= targetRatio;
        String heapVerdict = heap.maxLiveMb() >= 0.9 * HEAP_TARGET_MB ? "heap AT THE LIMIT" : "heap ok";
        String time = targetRatio == null ? "" : (timeOk ? "time ok, " : "time MISSED, ");
        return time + heapVerdict + (targetRatio == null ? " (heap ≤ 256 MB)" : " (≤ 1.5 x COPY, heap ≤ 256 MB)");
    }

    /** The SELECT the engine's COPY runs for this export, with its parameters written in, for psql. */
    private static String baselineSelect() {
        CurrencyTable currencies = new CurrencyTable(JsonMapper.createDefault());
        return LedgerCopy.select(ExportRequest.parse("ledger.csv", FROM, TO, null, null, null, null, false,
                currencies));
    }

    private static Void seed(StandalonePostgres postgres) throws Exception {
        try (Connection connection = postgres.connect()) {
            LedgerSeed.seed(connection, POSTINGS);
        }
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One timed download: seconds to the last byte, its size, and the engine's heap meanwhile. */
    private record Download(double seconds, long bytes, GcLog.Heap heap) {

        /** The faster time of the two, with the higher heap figures of the two. */
        static Download best(Download current, Download candidate) {
            if (current == null) {
                return candidate;
            }
            return new Download(Math.min(current.seconds(), candidate.seconds()), candidate.bytes(),
                    GcLog.Heap.max(current.heap(), candidate.heap()));
        }
    }
}

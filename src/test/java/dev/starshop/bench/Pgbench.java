package dev.starshop.bench;

import dev.starshop.support.StandalonePostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own load generator as the baseline of every benchmark: a script file run by
 * {@code clients} connections with prepared statements (as the JDBC driver uses them), either a
 * fixed number of transactions per client or for a fixed time, with a per-transaction log from which
 * the percentiles are taken. The one runner of the benchmarks (issue 18 folded the timed variant in).
 */
final class Pgbench {

    static final String EXECUTABLE = System.getProperty("bench.pgbench", "/usr/bin/pgbench");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: ([0-9]+)");

    /** How long a run lasts: {@code -t} transactions per client, or {@code -T} seconds. */
    sealed interface Length {
        List<String> arguments();
    }

    record Transactions(int perClient) implements Length {
        public List<String> arguments() {
            return List.of("-t", Integer.toString(perClient));
        }
    }

    record Timed(Duration duration) implements Length {
        public List<String> arguments() {
            return List.of("-T", Long.toString(Math.max(1, duration.toSeconds())));
        }
    }

    /** tps as pgbench reports it (excluding connection set-up) and the latencies of its log. */
    record Result(double tps, Latencies latencies, int transactions) {
    }

    private final int port;
    private final Path logDir;

    /** A runner against the server on {@code port} on this host; logs go to {@code logDir}. */
    Pgbench(int port, Path logDir) {
        this.port = port;
        this.logDir = logDir;
    }

    Pgbench(StandalonePostgres postgres) {
        this(postgres.port(), Path.of("target", "bench", "pgbench-logs"));
    }

    /**
     * Runs {@code script} on {@code clients} connections ({@code -j min(clients, 2)} threads) for
     * {@code length}; {@code variables} are the script's {@code -D} variables. Fails if pgbench
     * fails or reports a failed transaction.
     */
    Result run(Path script, int clients, Length length, Map<String, String> variables)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        String prefix = "pgbench-c" + clients;
        deleteLogs(prefix);
        List<String> command = new ArrayList<>(List.of(EXECUTABLE, "-n", "-M", "prepared",
                "-h", "localhost", "-p", Integer.toString(port), "-U", StandalonePostgres.USER,
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2))));
        command.addAll(length.arguments());
        command.addAll(List.of("-f", script.toString(), "-l", "--log-prefix=" + logDir.resolve(prefix)));
        variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
        command.add(StandalonePostgres.DATABASE);
        String output = execute(command);
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No tps in pgbench output:\n" + output);
        }
        Matcher failed = FAILED.matcher(output);
        if (failed.find() && Long.parseLong(failed.group(1)) != 0) {
            throw new IllegalStateException("pgbench had failed transactions:\n" + output);
        }
        Latencies latencies = latencies(prefix);
        return new Result(Double.parseDouble(tps.group(1)), latencies, latencies.count());
    }

    private static String execute(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        return output;
    }

    private void deleteLogs(String prefix) throws IOException {
        try (Stream<Path> old = Files.list(logDir)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith(prefix + ".")).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Column 3 of pgbench's per-transaction log is the latency in microseconds. */
    private Latencies latencies(String prefix) throws IOException {
        Latencies latencies = new Latencies();
        try (Stream<Path> logs = Files.list(logDir)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith(prefix + ".")).toList()) {
                try (Stream<String> lines = Files.lines(log)) {
                    lines.forEach(line -> latencies.record(Long.parseLong(line.split(" ")[2]) * 1000));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
        return latencies;
    }
}

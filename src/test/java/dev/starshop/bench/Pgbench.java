package dev.starshop.bench;

import dev.starshop.support.StandalonePostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own load generator as the baseline: a script file run by {@code clients}
 * connections, {@code transactionsPerClient} times each, with prepared statements (as the JDBC
 * driver uses them) and a per-transaction log from which the percentiles are taken.
 */
final class Pgbench {

    static final String EXECUTABLE = System.getProperty("bench.pgbench", "/usr/bin/pgbench");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /** tps as pgbench reports it (excluding connection set-up) and the latencies of its log. */
    record Result(double tps, Latencies latencies, int transactions) {
    }

    private Pgbench() {
    }

    static Result run(StandalonePostgres postgres, Path script, int clients, int transactionsPerClient,
                      Map<String, String> variables, Path logDir) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        String prefix = "pgbench-c" + clients;
        try (Stream<Path> old = Files.list(logDir)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith(prefix + ".")).toList()) {
                Files.delete(file);
            }
        }
        List<String> command = new ArrayList<>(List.of(EXECUTABLE, "-n", "-M", "prepared",
                "-h", "localhost", "-p", Integer.toString(postgres.port()), "-U", StandalonePostgres.USER,
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-t", Integer.toString(transactionsPerClient), "-f", script.toString(),
                "-l", "--log-prefix=" + logDir.resolve(prefix)));
        variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
        command.add(StandalonePostgres.DATABASE);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No tps in pgbench output:\n" + output);
        }
        Latencies latencies = latencies(logDir, prefix);
        if (output.contains("number of failed transactions: ") && !output.contains("number of failed transactions: 0 ")) {
            throw new IllegalStateException("pgbench had failed transactions:\n" + output);
        }
        return new Result(Double.parseDouble(tps.group(1)), latencies, latencies.count());
    }

    /** Column 3 of pgbench's per-transaction log is the latency in microseconds. */
    private static Latencies latencies(Path logDir, String prefix) throws IOException {
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

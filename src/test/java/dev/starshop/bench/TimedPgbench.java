package dev.starshop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pgbench (/usr/bin/pgbench) running a custom script against a local server: "how fast can this SQL commit here". */
public final class TimedPgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final int port;

    public TimedPgbench(int port) {
        this.port = port;
    }

    /** Transactions of the script per second and their mean latency. */
    public record Result(double tps, double meanLatencyMillis, String output) {
    }

    /**
     * Runs {@code script} with prepared statements on {@code clients} connections for {@code duration};
     * {@code variables} are the script's {@code -D} variables.
     */
    public Result run(String script, Map<String, String> variables, int clients, Duration duration, Path workDir) {
        try {
            Path file = Files.writeString(workDir.resolve("pgbench-" + System.nanoTime() + ".sql"), script);
            List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared",
                    "-c", Integer.toString(clients), "-j", "2", "-T", Long.toString(duration.toSeconds()),
                    "-f", file.toString(), "-h", "localhost", "-p", Integer.toString(port), "-U", "postgres"));
            variables.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.add("postgres");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed: " + output);
            }
            return new Result(number(TPS, output), number(LATENCY, output), output);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run pgbench", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern + ": " + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}

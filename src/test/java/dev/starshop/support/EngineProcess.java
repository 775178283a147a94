package dev.starshop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine as a separate operating-system process, started from the runnable jar exactly as the
 * README starts it: what a crash test kills with SIGKILL and a footprint benchmark measures.
 * Only usable where the jar exists, that is in failsafe tests ({@code *IT}, {@code *Bench}),
 * which run after {@code package} and receive its path as the system property {@code starshop.jar}.
 */
public final class EngineProcess implements AutoCloseable {

    public static final String ADMIN_TOKEN = "engine-process-admin-token";
    public static final String WEBHOOK_SECRET = "engine-process-webhook-secret";

    /**
     * Per-buyer limits lifted (not switched off: the checks still run) for loads where a few buyers
     * place hundreds of orders they never pay within seconds — the benchmarks and the crash test.
     * Production defaults would refuse those with 429. The unpaid limit here must match the LIMIT in
     * src/test/resources/bench/order-sql.pgbench.
     */
    public static final Map<String, String> UNLIMITED_BUYERS = Map.of(
            "STARSHOP_ORDERS_MAX_UNPAID_PER_BUYER", "1000000",
            "STARSHOP_ORDERS_RATE_LIMIT_ORDERS_PER_MINUTE", "100000000",
            "STARSHOP_ORDERS_RATE_LIMIT_ORDERS_BURST", "1000000",
            "STARSHOP_ORDERS_RATE_LIMIT_INVOICE_CALLS_PER_MINUTE", "100000000",
            "STARSHOP_ORDERS_RATE_LIMIT_INVOICE_CALLS_BURST", "1000000");

    private final Process process;
    private final int port;
    private final Path log;
    private final long launchedAtNanos;

    private EngineProcess(Process process, int port, Path log, long launchedAtNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.launchedAtNanos = launchedAtNanos;
    }

    /** What to start: which JVM, which environment, where its output goes. */
    public record Launch(String name, Path javaHome, Map<String, String> environment, List<String> jvmOptions) {

        public static Launch named(String name) {
            return new Launch(name, Path.of(System.getProperty("java.home")), Map.of(), List.of());
        }

        public Launch withEnvironment(Map<String, String> more) {
            Map<String, String> merged = new HashMap<>(environment);
            merged.putAll(more);
            return new Launch(name, javaHome, Map.copyOf(merged), jvmOptions);
        }

        public Launch withName(String other) {
            return new Launch(other, javaHome, environment, jvmOptions);
        }

        public Launch withJavaHome(Path home) {
            return new Launch(name, home, environment, jvmOptions);
        }

        public Launch withJvmOptions(List<String> options) {
            return new Launch(name, javaHome, environment, List.copyOf(options));
        }
    }

    /** Starts the jar and returns once the process runs (not yet healthy: see {@link #awaitHealthy}). */
    public static EngineProcess start(Launch launch) {
        // A restart after a crash keeps its address (MICRONAUT_SERVER_PORT in the launch), as a real one does.
        int port = launch.environment().containsKey("MICRONAUT_SERVER_PORT")
                ? Integer.parseInt(launch.environment().get("MICRONAUT_SERVER_PORT")) : freePort();
        Path log = Path.of("target", "engine-logs", launch.name() + ".log");
        List<String> command = new ArrayList<>();
        command.add(launch.javaHome().resolve("bin/java").toString());
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        environment.put("STARSHOP_ADMIN_TOKEN", ADMIN_TOKEN);
        environment.put("STARSHOP_TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET);
        environment.putAll(launch.environment());
        try {
            Files.createDirectories(log.getParent());
            long launchedAt = System.nanoTime();
            return new EngineProcess(builder.start(), port, log, launchedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    /** Waits for the first 200 from /health; returns the time since launch. */
    public Duration awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUrl().resolve("/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The engine exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launchedAtNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(20));
        }
        throw new IllegalStateException("The engine was not healthy within " + timeout + "; see " + log);
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    public long pid() {
        return process.pid();
    }

    /** Resident set size of the engine's JVM (VmRSS), in bytes. Linux only. */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            throw new IllegalStateException("No VmRSS for " + pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful anything — a crash. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the graceful shutdown an operator's stop is. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path jar() {
        String jar = System.getProperty("starshop.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No engine jar (system property starshop.jar = " + jar
                    + "): run this test through failsafe, e.g. mvn -B verify");
        }
        return Path.of(jar);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

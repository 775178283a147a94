package dev.starshop.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL 17 of the test's own, outside any engine: several engines (in this JVM or as
 * separate processes) share it, a test can stop it for an outage and start it again on the same
 * port and data, and psql/pgbench can reach it. Durable by default (fsync and synchronous_commit
 * on), because benchmarks and crash tests are about committed money.
 */
public final class StandalonePostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres server;

    /** What one fresh connection attempt found out, as pg_isready would report it. */
    public enum Reachability {
        /** A new session was opened. */
        ACCEPTS,
        /** Nothing listens on the port, or the server said it is starting up or shutting down (57P03). */
        REFUSES,
        /** Neither for certain: a timeout, too many clients, a session cut short after it was let in. */
        UNKNOWN
    }

    private StandalonePostgres(Path dataDir, int port, boolean durable) {
        this.dataDir = dataDir;
        this.port = port;
        this.durable = durable;
    }

    /** A fresh, durable server in {@code dataDir} on a free port. */
    public static StandalonePostgres startDurable(Path dataDir) {
        return start(dataDir, true);
    }

    public static StandalonePostgres start(Path dataDir, boolean durable) {
        StandalonePostgres postgres = new StandalonePostgres(dataDir, freePort(), durable);
        postgres.launch(true);
        return postgres;
    }

    /**
     * Stops the server for an outage and returns once the postmaster has exited; {@link #restart()}
     * brings it back with the same data. zonky's close() is a fast shutdown (sessions are cut,
     * nothing new is let in), but it gives pg_ctl 5 s and only logs when that was not enough.
     */
    public synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPostmasterExit(Duration.ofSeconds(60));
    }

    public synchronized void restart() {
        launch(false);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + USER;
    }

    /** What an engine needs to use this server instead of its embedded one. */
    public Map<String, String> engineEnvironment() {
        return Map.of(
                "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://localhost:" + port + "/" + DATABASE,
                "DATASOURCES_DEFAULT_USERNAME", USER,
                "DATASOURCES_DEFAULT_PASSWORD", "");
    }

    /** The same as properties, for an engine started in this JVM with ApplicationContext.run. */
    public Map<String, Object> engineProperties() {
        return Map.of(
                "datasources.default.url", "jdbc:postgresql://localhost:" + port + "/" + DATABASE,
                "datasources.default.username", USER,
                "datasources.default.password", "");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Opens and closes one fresh connection (never a pooled one) and says what came of it. */
    public Reachability probe() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl() + "&connectTimeout=2&socketTimeout=2")) {
            return Reachability.ACCEPTS;
        } catch (SQLException e) {
            return refused(e) ? Reachability.REFUSES : Reachability.UNKNOWN;
        }
    }

    /** 57P03 is cannot_connect_now ("the database system is starting up / shutting down"). */
    private static boolean refused(SQLException e) {
        if ("57P03".equals(e.getSQLState())) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException && String.valueOf(cause.getMessage()).contains("refused")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        stop();
    }

    /**
     * {@code fresh} empties the directory first. zonky's own clean-data-directory flag is never used:
     * with it, close() deletes the data, so a stop() for an outage would come back as an empty server.
     */
    private void launch(boolean fresh) {
        String onOff = durable ? "on" : "off";
        try {
            if (fresh) {
                deleteContents(dataDir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (Boolean.getBoolean("bench.pg-stat-statements")) {
                // A benchmark's look at what reaches the server (docs/performance.md, "Running the benchmarks").
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track_planning", "on");
            }
            server = builder
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + dataDir, e);
        }
    }

    /** The postmaster removes its pid file as the last thing it does. */
    private void awaitPostmasterExit(Duration patience) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + patience.toNanos();
        while (Files.exists(pidFile)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL in " + dataDir + " still runs " + patience
                        + " after stop()");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void deleteContents(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

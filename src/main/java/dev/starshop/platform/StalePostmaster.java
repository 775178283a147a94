package dev.starshop.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL left running by an engine that was killed (kill -9, power loss of the JVM only).
 *
 * <p>Called while holding the engine lock: no live engine owns the directory, so a postmaster
 * still serving it is an orphan and is asked to shut down before a new one starts.
 *
 * <p>{@code postmaster.pid} only names a number. After a reboot or a long stop that number can
 * belong to any other process, so before signalling it the engine checks, in
 * {@code /proc/<pid>/cmdline}, that it is a {@code postgres} program started with {@code -D} on
 * this very directory. Anything else is left alone, with a warning saying why; PostgreSQL itself
 * then refuses to start while {@code postmaster.pid} names a live process, and the operator decides.
 */
final class StalePostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> orphan = running(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        Optional<String> notOurs = PostmasterIdentity.whyNotServing(postmaster.pid(), dataDir);
        if (notOurs.isPresent()) {
            LOG.warn("Not stopping pid {} named in {}: {}. If no PostgreSQL serves that directory, delete its"
                    + " postmaster.pid and start again", postmaster.pid(), dataDir.resolve("postmaster.pid"),
                    notOurs.get());
            return;
        }
        LOG.warn("Stopping an orphaned PostgreSQL (pid {}) left on {} by an engine that did not shut down",
                postmaster.pid(), dataDir);
        postmaster.destroy();
        awaitExit(postmaster);
    }

    /** The live postmaster serving {@code dataDir}, according to its {@code postmaster.pid}. */
    static Optional<ProcessHandle> running(Path dataDir) throws IOException {
        return pidOf(dataDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    /**
     * pg_ctl reports "stopped" once postmaster.pid is gone, a moment before the process has exited;
     * callers that promise "nothing left running" wait for the exit itself.
     */
    static void awaitExit(ProcessHandle postmaster) {
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL to stop", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid()
                    + ") did not stop; stop it by hand and start again", e);
        }
    }

    private static Optional<Long> pidOf(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

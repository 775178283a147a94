package dev.starshop.harness;

import dev.starshop.support.StandalonePostgres;
import dev.starshop.support.StandalonePostgres.Reachability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When PostgreSQL itself refused new connections during an outage — not when the test asked it to
 * stop or start, which is earlier than the one and later than the other. A watcher opens a fresh
 * connection every few milliseconds (pg_isready's question) while the outage is staged.
 *
 * <p>The edges are conservative, so the server refused throughout: the window opens when the first
 * refusal came back and closes when the last refusal before the server accepted again was asked.
 * That holds because a stopped server refuses until it is started and accepts from then on; and a
 * fast shutdown refuses new connections only after it has told every session to end, so nothing
 * sent after the window opened can commit before it closes.
 *
 * @param opensNanos         end of the first refused probe (System.nanoTime())
 * @param closesNanos        start of the last refused probe before the first accepted one
 * @param stopAskedNanos     when the test called stop()
 * @param restartedNanos     when restart() returned
 * @param probes             fresh connections tried
 */
record OutageWindow(long opensNanos, long closesNanos, long stopAskedNanos, long restartedNanos, int probes) {

    private static final Duration PROBE_PAUSE = Duration.ofMillis(20);

    /** What the test does to PostgreSQL: stop it, wait, start it again. */
    interface Outage {
        void stage() throws Exception;
    }

    /** True if a request's whole life lies inside: sent after the window opened, answered before it closed. */
    boolean encloses(long sentNanos, long answeredNanos) {
        return sentNanos > opensNanos && answeredNanos < closesNanos;
    }

    Duration length() {
        return Duration.ofNanos(closesNanos - opensNanos);
    }

    /** How long after stop() was called the server began to refuse. */
    Duration refusingAfterStop() {
        return Duration.ofNanos(opensNanos - stopAskedNanos);
    }

    @Override
    public String toString() {
        return "refused new connections for " + length().toMillis() + " ms (from " + refusingAfterStop().toMillis()
                + " ms after stop() was called to " + (restartedNanos - closesNanos) / 1_000_000
                + " ms before restart() returned; " + probes + " probes)";
    }

    /** Stages the outage while watching, and returns the window once the server accepts again. */
    static OutageWindow observe(StandalonePostgres database, Outage outage) throws Exception {
        Watcher watcher = new Watcher(database);
        Thread thread = new Thread(watcher, "outage-watcher");
        thread.setDaemon(true);
        thread.start();
        try {
            watcher.awaitAccepted(Duration.ofSeconds(30));
            long stopAsked = System.nanoTime();
            outage.stage();
            long restarted = System.nanoTime();
            thread.join(Duration.ofSeconds(60).toMillis());
            List<Probe> probes = watcher.probes();
            return window(probes, stopAsked, restarted).orElseThrow(() -> new AssertionError(
                    "no accepted → refused → accepted sequence among the probes: " + summary(probes)));
        } finally {
            watcher.stop();
            thread.interrupt();
            thread.join();
        }
    }

    private record Probe(long startedNanos, long endedNanos, Reachability found) {
    }

    private static Optional<OutageWindow> window(List<Probe> probes, long stopAsked, long restarted) {
        int accepted = firstFrom(probes, 0, Reachability.ACCEPTS);
        int firstRefused = accepted < 0 ? -1 : firstFrom(probes, accepted, Reachability.REFUSES);
        int reaccepted = firstRefused < 0 ? -1 : firstFrom(probes, firstRefused, Reachability.ACCEPTS);
        if (reaccepted < 0) {
            return Optional.empty();
        }
        int lastRefused = reaccepted - 1;
        while (probes.get(lastRefused).found() != Reachability.REFUSES) {
            lastRefused--;
        }
        return Optional.of(new OutageWindow(probes.get(firstRefused).endedNanos(),
                probes.get(lastRefused).startedNanos(), stopAsked, restarted, probes.size()));
    }

    private static int firstFrom(List<Probe> probes, int from, Reachability wanted) {
        for (int i = from; i < probes.size(); i++) {
            if (probes.get(i).found() == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String summary(List<Probe> probes) {
        List<Reachability> seen = new ArrayList<>();
        probes.forEach(p -> {
            if (seen.isEmpty() || seen.get(seen.size() - 1) != p.found()) {
                seen.add(p.found());
            }
        });
        return seen.toString();
    }

    /** Probes one after another until the server has refused and then accepted again (or is told to stop). */
    private static final class Watcher implements Runnable {

        private final StandalonePostgres database;
        private final List<Probe> probes = new ArrayList<>();
        private volatile boolean stopped;

        Watcher(StandalonePostgres database) {
            this.database = database;
        }

        @Override
        public void run() {
            boolean accepted = false;
            boolean refusedSince = false;
            while (!stopped) {
                long started = System.nanoTime();
                Reachability found = database.probe();
                record(new Probe(started, System.nanoTime(), found));
                if (found == Reachability.ACCEPTS && refusedSince) {
                    return;
                }
                accepted |= found == Reachability.ACCEPTS;
                refusedSince |= accepted && found == Reachability.REFUSES;
                try {
                    Thread.sleep(PROBE_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized void record(Probe probe) {
            probes.add(probe);
            notifyAll();
        }

        /** The window needs a server seen accepting before it was stopped. */
        synchronized void awaitAccepted(Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (probes.stream().noneMatch(p -> p.found() == Reachability.ACCEPTS)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("PostgreSQL did not accept a connection before the outage: "
                            + summary(probes));
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        synchronized List<Probe> probes() {
            return List.copyOf(probes);
        }

        void stop() {
            stopped = true;
        }
    }
}

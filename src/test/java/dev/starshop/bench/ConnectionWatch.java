package dev.starshop.bench;

import dev.starshop.support.StandalonePostgres;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches, while a load runs, what the engine holds in the database, from two sides:
 * <ul>
 *   <li>the engine's pool: Hikari's {@code hikaricp_connections_active} (connections lent out,
 *       busy or not) and {@code hikaricp_connections_pending} (threads waiting for one), read from
 *       {@code /prometheus} every {@link #POOL_EVERY};</li>
 *   <li>PostgreSQL: the engine's sessions in {@code pg_stat_activity} every {@link #SERVER_EVERY} —
 *       how many run a statement, how many sit {@code idle in transaction} (a transaction open
 *       while the engine does something else) and for how long, and how many of those hold a
 *       transaction id, that is have written rows and so hold their row locks.</li>
 * </ul>
 * A transaction left open across an HTTP call shows up as a session idle in transaction for as long
 * as the call; a connection kept (without a transaction) shows up only in the pool's count.
 */
final class ConnectionWatch implements AutoCloseable {

    static final Duration POOL_EVERY = Duration.ofMillis(25);
    static final Duration SERVER_EVERY = Duration.ofMillis(10);

    private static final Pattern ACTIVE = Pattern.compile("(?m)^hikaricp_connections_active\\{[^}]*} ([0-9.eE+-]+)$");
    private static final Pattern PENDING = Pattern.compile("(?m)^hikaricp_connections_pending\\{[^}]*} ([0-9.eE+-]+)$");
    private static final String SESSIONS = """
            SELECT count(*) FILTER (WHERE a.state = 'active'),
                   count(*) FILTER (WHERE a.state = 'idle in transaction'),
                   coalesce(max(extract(epoch FROM clock_timestamp() - a.state_change) * 1000)
                            FILTER (WHERE a.state = 'idle in transaction'), 0),
                   count(*) FILTER (WHERE a.state = 'idle in transaction' AND a.backend_xid IS NOT NULL)
            FROM pg_stat_activity a
            WHERE a.backend_type = 'client backend' AND a.datname = current_database()
              AND a.pid <> pg_backend_pid() AND a.application_name <> 'bench-watch'""";

    /** The pool at one moment. */
    record PoolSample(long atNanos, int active, int pending) {
    }

    /** The engine's sessions at one moment. */
    record ServerSample(long atNanos, int running, int idleInTransaction, double longestIdleInTransactionMillis,
                        int idleInTransactionWithWrites) {
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<PoolSample> pool = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ServerSample> server = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger missedScrapes = new AtomicInteger();

    private ConnectionWatch() {
    }

    static ConnectionWatch start(URI engine, String adminToken, StandalonePostgres postgres) {
        ConnectionWatch watch = new ConnectionWatch();
        watch.begin("bench-watch-pool", () -> watch.watchPool(engine, adminToken));
        watch.begin("bench-watch-server", () -> watch.watchServer(postgres));
        return watch;
    }

    private void begin(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    /** Samples taken while {@code during} holds for their time. */
    Figures figures(LongPredicate during) {
        List<PoolSample> pools = pool.stream().filter(s -> during.test(s.atNanos())).toList();
        List<ServerSample> servers = server.stream().filter(s -> during.test(s.atNanos())).toList();
        return new Figures(pools.size(), missedScrapes.get(), pools.stream().mapToInt(PoolSample::active).max().orElse(-1),
                pools.stream().mapToInt(PoolSample::pending).max().orElse(-1), servers.size(),
                servers.stream().mapToInt(ServerSample::running).max().orElse(0),
                servers.stream().filter(s -> s.idleInTransaction() > 0).count(),
                servers.stream().mapToDouble(ServerSample::longestIdleInTransactionMillis).max().orElse(0),
                servers.stream().mapToInt(ServerSample::idleInTransactionWithWrites).max().orElse(0));
    }

    /**
     * What the samples of one period show.
     *
     * @param missedScrapes scrapes of /prometheus that timed out (2 s) over the whole watch
     * @param idleInTransactionSightings samples in which at least one session was idle in transaction
     * @param longestIdleInTransactionMillis the longest such idle time seen (a lower bound of how long it lasted)
     * @param mostIdleWithWrites most sessions seen at once idle in transaction after writing (row locks held)
     */
    record Figures(int poolSamples, int missedScrapes, int maxActive, int maxPending, int serverSamples, int maxRunning,
                   long idleInTransactionSightings, double longestIdleInTransactionMillis, int mostIdleWithWrites) {
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The connection watch failed", failures.peek());
        }
    }

    private void watchPool(URI engine, String adminToken) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest scrape = HttpRequest.newBuilder(engine.resolve("/prometheus"))
                .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(2)).build();
        try {
            while (running.get()) {
                scrapeOnce(http, scrape);
                Thread.sleep(POOL_EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.add(e);
        }
    }

    /** One sample; a scrape that times out (a saturated engine) is a missed sample, counted, not a failure. */
    private void scrapeOnce(HttpClient http, HttpRequest scrape) throws Exception {
        try {
            HttpResponse<String> response = http.send(scrape, HttpResponse.BodyHandlers.ofString());
            long at = System.nanoTime();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/prometheus answered " + response.statusCode());
            }
            pool.add(new PoolSample(at, gauge(ACTIVE, response.body()), gauge(PENDING, response.body())));
        } catch (HttpTimeoutException e) {
            missedScrapes.incrementAndGet();
        }
    }

    private void watchServer(StandalonePostgres postgres) {
        try (Connection db = postgres.connect()) {
            try (PreparedStatement name = db.prepareStatement("SET application_name = 'bench-watch'")) {
                name.execute();
            }
            try (PreparedStatement sessions = db.prepareStatement(SESSIONS)) {
                while (running.get()) {
                    try (ResultSet row = sessions.executeQuery()) {
                        row.next();
                        server.add(new ServerSample(System.nanoTime(), row.getInt(1), row.getInt(2), row.getDouble(3),
                                row.getInt(4)));
                    }
                    Thread.sleep(SERVER_EVERY.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.add(e);
        }
    }

    /** The gauge's value; the pool metrics must be there, or the watch proves nothing. */
    private static int gauge(Pattern metric, String scrape) {
        Matcher matcher = metric.matcher(scrape);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + metric.pattern() + " in /prometheus");
        }
        return (int) Double.parseDouble(matcher.group(1));
    }
}

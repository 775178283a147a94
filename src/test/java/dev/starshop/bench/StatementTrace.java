package dev.starshop.bench;

import dev.starshop.support.StandalonePostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shows what the engine really sends to PostgreSQL for one update, from the server's own log
 * ({@code log_statement = all}), so the pgbench script can be checked against it. Turned on with
 * {@code -Dbench.trace-sql=true}; off by default because logging every statement slows the server.
 */
final class StatementTrace {

    private final StandalonePostgres postgres;
    private final Path logDir;

    private StatementTrace(StandalonePostgres postgres, Path logDir) {
        this.postgres = postgres;
        this.logDir = logDir;
    }

    static boolean requested() {
        return Boolean.getBoolean("bench.trace-sql");
    }

    /** Sends the server's log to files in {@code logDir}; takes a restart, so call it before the engine starts. */
    static StatementTrace install(StandalonePostgres postgres, Path logDir) throws SQLException, IOException {
        Files.createDirectories(logDir);
        execute(postgres, "ALTER SYSTEM SET logging_collector = on",
                "ALTER SYSTEM SET log_directory = '" + logDir.toAbsolutePath() + "'",
                "ALTER SYSTEM SET log_line_prefix = '[%p] '");
        postgres.stop();
        postgres.restart();
        return new StatementTrace(postgres, logDir);
    }

    /** Logs every statement while {@code action} runs and prints what was logged. */
    void around(String title, Action action) throws Exception {
        execute(postgres, "ALTER SYSTEM SET log_statement = 'all'", "SELECT pg_reload_conf()");
        Thread.sleep(200);
        long mark = size();
        action.run();
        Thread.sleep(200);
        execute(postgres, "ALTER SYSTEM RESET log_statement", "SELECT pg_reload_conf()");
        System.out.println("== statements PostgreSQL received for " + title + ":\n" + logged(mark));
    }

    private long size() throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private String logged(long from) throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file));
            }
            return all.substring((int) Math.min(from, all.length()));
        }
    }

    private static void execute(StandalonePostgres postgres, String... statements) throws SQLException {
        try (Connection db = postgres.connect(); Statement statement = db.createStatement()) {
            for (String sql : List.of(statements)) {
                statement.execute(sql);
            }
        }
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }
}

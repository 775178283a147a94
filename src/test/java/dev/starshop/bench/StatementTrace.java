package dev.starshop.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.starshop.support.StandalonePostgres;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Shows what the engine really sends to PostgreSQL, from the server's own log
 * ({@code log_statement = all}; the embedded server's output reaches this JVM's log through the
 * {@code io.zonky} logger), so the pgbench script can be checked against it. Turned on with
 * {@code -Dbench.trace-sql=true}; off by default because logging every statement slows the server.
 */
final class StatementTrace {

    private StatementTrace() {
    }

    static boolean requested() {
        return Boolean.getBoolean("bench.trace-sql");
    }

    /** Logs every statement while {@code action} runs, between two marker lines. */
    static void around(StandalonePostgres postgres, String title, Action action) throws Exception {
        Logger server = (Logger) LoggerFactory.getLogger("io.zonky");
        Level before = server.getLevel();
        server.setLevel(Level.INFO);
        execute(postgres, "ALTER SYSTEM SET log_statement = 'all'", "SELECT pg_reload_conf()");
        Thread.sleep(500);
        System.out.println("== BEGIN statements PostgreSQL received for " + title);
        action.run();
        Thread.sleep(500);
        System.out.println("== END statements for " + title);
        execute(postgres, "ALTER SYSTEM RESET log_statement", "SELECT pg_reload_conf()");
        server.setLevel(before);
    }

    private static void execute(StandalonePostgres postgres, String... statements) throws SQLException {
        try (Connection db = postgres.connect(); Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }
}

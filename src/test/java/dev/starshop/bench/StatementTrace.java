package dev.starshop.bench;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shows what the engine really sends to PostgreSQL for one update, as the JDBC driver puts it on
 * the wire (its FINEST log of the protocol: Parse, Bind, Execute, and the BEGIN and COMMIT it adds),
 * so the pgbench script can be checked against it. Turned on with {@code -Dbench.trace-sql=true};
 * off by default because logging every message slows everything down.
 */
final class StatementTrace {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private StatementTrace() {
    }

    static boolean requested() {
        return Boolean.getBoolean("bench.trace-sql");
    }

    /** Logs the driver's protocol messages while {@code action} runs, between two marker lines. */
    static void around(String title, Action action) throws Exception {
        Handler console = new ConsoleHandler();
        console.setLevel(Level.FINEST);
        Level before = DRIVER.getLevel();
        DRIVER.setLevel(Level.FINEST);
        DRIVER.addHandler(console);
        System.err.println("== BEGIN statements the driver sent for " + title);
        try {
            action.run();
        } finally {
            System.err.println("== END statements for " + title);
            DRIVER.removeHandler(console);
            DRIVER.setLevel(before);
        }
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }
}

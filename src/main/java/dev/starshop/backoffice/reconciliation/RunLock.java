package dev.starshop.backoffice.reconciliation;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One reconciliation run at a time across every engine on the database: a session-level
 * PostgreSQL advisory lock on a dedicated connection, held for the whole run (which spans many
 * short transactions, so a transaction-level lock would not cover it) and released on close.
 */
@Singleton
class RunLock {

    /** "StarRecn" as a number: the advisory lock key no other part of Starshop uses. */
    private static final long KEY = 0x53746172_5265636EL;

    private final DataSource dataSource;

    RunLock(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** The held lock, or empty when another run (here or on another engine) holds it. */
    Optional<Held> tryAcquire() {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, KEY);
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the reconciliation lock", e);
        }
    }

    /** Closing the connection ends the session and so releases the lock, even if the unlock fails. */
    record Held(Connection connection) implements AutoCloseable {
        @Override
        public void close() {
            try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, KEY);
                unlock.execute();
            } catch (SQLException e) {
                // the connection is closed all the same, which releases the lock
            }
        }
    }
}

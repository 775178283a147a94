package dev.starshop.telegram.polling;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Exactly one engine per bot polls Telegram: the one holding a PostgreSQL session-level advisory
 * lock. The lock lives on a dedicated connection and is released when that connection closes,
 * including when the engine dies.
 */
@Singleton
class PollingLeadership {

    private static final Logger LOG = LoggerFactory.getLogger(PollingLeadership.class);
    /** Namespace of the advisory lock key; the bot id completes it. */
    private static final int LOCK_CLASS = 0x5354_4152; // "STAR"

    private final DataSource dataSource;
    private Connection lockConnection;

    PollingLeadership(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** True when this engine holds (or just took) the polling lock for the bot. */
    synchronized boolean tryLead(long botId) {
        try {
            if (lockConnection != null && lockConnection.isValid(2)) {
                return true;
            }
            release();
            Connection connection = dataSource.getConnection();
            if (tryLock(connection, botId)) {
                lockConnection = connection;
                LOG.info("This engine now polls Telegram for bot {}", botId);
                return true;
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            LOG.warn("Could not take the polling lock: {}", e.getMessage());
            release();
            return false;
        }
    }

    synchronized boolean isLeader() {
        return lockConnection != null;
    }

    synchronized void release() {
        if (lockConnection != null) {
            try {
                lockConnection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the polling lock connection failed", e);
            }
            lockConnection = null;
        }
    }

    private static boolean tryLock(Connection connection, long botId) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, Long.hashCode(botId));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}

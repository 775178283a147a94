package dev.starshop.platform.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessResourceFailureException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Sorts a database failure into "the database cannot be reached, try again shortly" and
 * "something else went wrong". Only the first is worth a 503: a retry may well succeed.
 */
public enum DatabaseFault {
    /** Connection refused, pool exhausted, server shutting down: transient, answer 503. */
    UNAVAILABLE,
    /** A database error that a retry will not fix (bad SQL, constraint, mapping): answer 500. */
    OTHER;

    /**
     * SQLState class 08 is "connection exception"; PostgreSQL's 57P01–57P03 mean the server is
     * shutting down, crashed or not yet accepting connections.
     */
    private static final String[] UNAVAILABLE_SQL_STATES = {"08", "57P01", "57P02", "57P03"};

    /**
     * Looks through the whole cause chain: Micronaut Data wraps the driver's exception in
     * {@code DataAccessException}, {@code CannotCreateTransactionException} and the like.
     */
    public static DatabaseFault classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isConnectivity(t)) {
                return UNAVAILABLE;
            }
        }
        return OTHER;
    }

    private static boolean isConnectivity(Throwable t) {
        if (t instanceof SQLTransientConnectionException
                || t instanceof ConnectionException
                || t instanceof CannotGetJdbcConnectionException
                || t instanceof DataAccessResourceFailureException) {
            return true;
        }
        return t instanceof SQLException sql && hasUnavailableState(sql.getSQLState());
    }

    private static boolean hasUnavailableState(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        String state = sqlState.toUpperCase(Locale.ROOT);
        for (String prefix : UNAVAILABLE_SQL_STATES) {
            if (state.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

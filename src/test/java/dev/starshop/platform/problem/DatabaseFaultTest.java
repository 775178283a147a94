package dev.starshop.platform.problem;

import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import static dev.starshop.platform.problem.DatabaseFault.OTHER;
import static dev.starshop.platform.problem.DatabaseFault.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class DatabaseFaultTest {

    private static final SQLException REFUSED = new SQLException(
            "Connection to localhost:5432 refused", "08001");
    private static final SQLException BAD_SQL = new SQLException(
            "ERROR: column \"secret_column\" does not exist", "42703");

    @Test
    void connectionFailuresAreUnavailableHoweverDeeplyWrapped() {
        assertEquals(UNAVAILABLE, DatabaseFault.classify(new SQLTransientConnectionException("pool timeout")));
        assertEquals(UNAVAILABLE, DatabaseFault.classify(REFUSED));
        assertEquals(UNAVAILABLE, DatabaseFault.classify(new DataAccessException("query failed", REFUSED)));
        assertEquals(UNAVAILABLE, DatabaseFault.classify(new CannotCreateTransactionException("no tx",
                new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException("t")))));
        assertEquals(UNAVAILABLE, DatabaseFault.classify(new CannotGetJdbcConnectionException("no connection")));
    }

    /** Seen when the server restarted under a pooled connection: preparing the transaction fails. */
    @Test
    void aConnectionThatCannotBePreparedIsUnavailable() {
        assertEquals(UNAVAILABLE, DatabaseFault.classify(new io.micronaut.data.connection.exceptions.ConnectionException(
                "Could not set JDBC Connection read-only", new SQLException("Connection is closed"))));
    }

    @Test
    void serverShutdownStatesAreUnavailable() {
        assertEquals(UNAVAILABLE, DatabaseFault.classify(new SQLException("terminating connection", "57P01")));
        assertEquals(UNAVAILABLE, DatabaseFault.classify(new SQLException("starting up", "57P03")));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertEquals(OTHER, DatabaseFault.classify(BAD_SQL));
        assertEquals(OTHER, DatabaseFault.classify(new DataAccessException("query failed", BAD_SQL)));
        assertEquals(OTHER, DatabaseFault.classify(new SQLIntegrityConstraintViolationException("dup", "23505")));
        assertEquals(OTHER, DatabaseFault.classify(new CannotCreateTransactionException("no tx manager")));
        assertEquals(OTHER, DatabaseFault.classify(new SQLException("no state")));
    }

    @Test
    void anUnavailableDatabaseIsA503WithRetryAfter() {
        HttpResponse<Problem> response = DatabaseExceptionHandlers.respond(HttpRequest.GET("/api/catalog"),
                new DataAccessException("Error executing SQL query", REFUSED));
        assertEquals(503, response.code());
        assertEquals("5", response.getHeaders().get(HttpHeaders.RETRY_AFTER));
        Problem problem = response.body();
        assertEquals("database-unavailable", problem.code());
        assertEquals("application/problem+json", response.getContentType().orElseThrow().toString());
    }

    @Test
    void anyOtherDatabaseErrorIsA500WithoutTheSql() {
        HttpResponse<Problem> response = DatabaseExceptionHandlers.respond(HttpRequest.GET("/api/catalog"),
                new DataAccessException("Error executing SQL SELECT secret_column FROM t", BAD_SQL));
        assertEquals(500, response.code());
        assertNull(response.getHeaders().get(HttpHeaders.RETRY_AFTER));
        Problem problem = response.body();
        assertEquals("internal-error", problem.code());
        assertNull(problem.detail());
        assertFalse(problem.toString().contains("secret_column"));
    }
}

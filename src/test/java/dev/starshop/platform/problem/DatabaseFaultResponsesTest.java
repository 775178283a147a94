package dev.starshop.platform.problem;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The handlers are wired into the HTTP pipeline: what a client sees when the database fails. */
@MicronautTest
@Property(name = "spec.name", value = "DatabaseFaultResponsesTest")
class DatabaseFaultResponsesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void poolTimeoutIs503WithRetryAfter() {
        HttpClientResponseException e = call("/test/db/pool-timeout");
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        assertEquals("5", e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER));
        assertEquals("database-unavailable", e.getResponse().getBody(Map.class).orElseThrow().get("code"));
    }

    @Test
    void badSqlIs500WithoutTheSql() {
        HttpClientResponseException e = call("/test/db/bad-sql");
        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertFalse(body.contains("secret_column"), body);
        assertFalse(body.contains("SQL"), body);
        assertEquals("internal-error", e.getResponse().getBody(Map.class).orElseThrow().get("code"));
    }

    private HttpClientResponseException call(String path) {
        return assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET(path), String.class));
    }

    @Controller("/test/db")
    @Requires(property = "spec.name", value = "DatabaseFaultResponsesTest")
    static class FailingController {

        @Get("/pool-timeout")
        String poolTimeout() {
            throw new DataAccessException("Error executing SQL UPDATE: connection is not available",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        }

        @Get("/bad-sql")
        String badSql() throws SQLException {
            throw new SQLException("ERROR: column \"secret_column\" does not exist: SELECT secret_column", "42703");
        }
    }
}

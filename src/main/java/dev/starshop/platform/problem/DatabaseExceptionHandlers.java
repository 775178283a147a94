package dev.starshop.platform.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * Maps database failures to problems: unreachable database → 503 {@code database-unavailable}
 * with {@code Retry-After}; anything else → 500 {@code internal-error}. The SQL message stays in the
 * server log: it can name tables, columns and values that are nobody's business.
 *
 * <p>Micronaut picks a handler by the thrown type, so there is one tiny handler per family the data
 * stack throws; they all share {@link #respond}.
 */
final class DatabaseExceptionHandlers {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptionHandlers.class);

    private DatabaseExceptionHandlers() {
    }

    static HttpResponse<Problem> respond(HttpRequest<?> request, Throwable failure) {
        return switch (DatabaseFault.classify(failure)) {
            case UNAVAILABLE -> {
                LOG.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getPath(), failure.toString());
                yield Problems.response(ProblemCode.DATABASE_UNAVAILABLE, null)
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
            case OTHER -> {
                LOG.error("Database error during {} {}", request.getMethod(), request.getPath(), failure);
                yield Problems.response(ProblemCode.INTERNAL_ERROR, null);
            }
        };
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class DataAccess implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
            return respond(request, exception);
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class Transaction implements ExceptionHandler<TransactionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, TransactionException exception) {
            return respond(request, exception);
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class Connection implements ExceptionHandler<ConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConnectionException exception) {
            return respond(request, exception);
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class JdbcConnection
            implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
            return respond(request, exception);
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class Sql implements ExceptionHandler<SQLException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, SQLException exception) {
            return respond(request, exception);
        }
    }
}

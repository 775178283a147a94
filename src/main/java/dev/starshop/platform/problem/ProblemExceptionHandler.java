package dev.starshop.platform.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A {@link ProblemException} as its problem document; a {@link RetryLaterException} adds {@code Retry-After}. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        MutableHttpResponse<Problem> response = Problems.response(exception.toProblem());
        if (exception instanceof RetryLaterException later) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
        }
        return response;
    }
}

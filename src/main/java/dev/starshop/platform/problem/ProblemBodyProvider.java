package dev.starshop.platform.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Turns the framework's own errors (unreadable JSON, unknown route, body too large, failed bean
 * validation) into problem documents with stable codes, so every error a client sees has one shape.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        ProblemCode code = codeFor(response.status());
        return Problem.of(code, detail(context, code));
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }

    private static String detail(ErrorContext context, ProblemCode code) {
        if (code == ProblemCode.INTERNAL_ERROR || !context.hasErrors()) {
            return null;
        }
        return context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    }

    private static ProblemCode codeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> ProblemCode.MALFORMED_REQUEST;
            case UNAUTHORIZED -> ProblemCode.UNAUTHORIZED;
            case FORBIDDEN -> ProblemCode.FORBIDDEN;
            case NOT_FOUND -> ProblemCode.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemCode.METHOD_NOT_ALLOWED;
            case REQUEST_ENTITY_TOO_LARGE -> ProblemCode.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            case UNPROCESSABLE_ENTITY -> ProblemCode.INVALID_REQUEST;
            case TOO_MANY_REQUESTS -> ProblemCode.RATE_LIMITED;
            case SERVICE_UNAVAILABLE -> ProblemCode.DATABASE_UNAVAILABLE;
            default -> status.getCode() >= 500 ? ProblemCode.INTERNAL_ERROR : ProblemCode.MALFORMED_REQUEST;
        };
    }
}

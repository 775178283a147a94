package dev.starshop.platform.http;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.Problems;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.OptionalLong;

/**
 * Two body limits. {@code micronaut.server.max-request-size} (1 MiB) is the server's, enforced by
 * Netty for every request, and sized for the Telegram webhook: a legitimate update can carry two
 * 4096-character texts with their entities (docs/telegram.md, "Body size"). Every other route takes
 * at most {@code starshop.http.max-body-size} (64 KiB, more than any API body needs): a declared
 * Content-Length above it is 413 before the body is read, and a body of undeclared length (chunked)
 * is 411, since its size would only be known once up to 1 MiB had been read.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestBodyLimit implements Ordered {

    /** The one route whose bodies may use the server's whole limit. */
    static final String WEBHOOK_PATH = "/telegram/webhook";

    private final long maxBodySize;

    RequestBodyLimit(@Value("${starshop.http.max-body-size:65536}") long maxBodySize) {
        if (maxBodySize < 1) {
            throw new IllegalArgumentException("starshop.http.max-body-size must be positive, not " + maxBodySize);
        }
        this.maxBodySize = maxBodySize;
    }

    /** Before authentication: a body too large is refused without looking at anything else. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (WEBHOOK_PATH.equals(request.getPath())) {
            return null;
        }
        HttpHeaders headers = request.getHeaders();
        OptionalLong declared = headers.contentLength();
        if (declared.isPresent()) {
            return declared.getAsLong() <= maxBodySize ? null : Problems.response(ProblemCode.PAYLOAD_TOO_LARGE,
                    "The body is over " + maxBodySize + " bytes");
        }
        if (headers.contains(HttpHeaders.TRANSFER_ENCODING)) {
            return Problems.response(ProblemCode.LENGTH_REQUIRED,
                    "Send the body with a Content-Length (at most " + maxBodySize + " bytes), not chunked");
        }
        return null;
    }
}

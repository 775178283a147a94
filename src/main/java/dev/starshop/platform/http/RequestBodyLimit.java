package dev.starshop.platform.http;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.Problems;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;

import java.util.OptionalLong;

/**
 * Body limits per route. {@code micronaut.server.max-request-size} is the server's, enforced by Netty
 * for every request and connection-wide, so it is sized for the largest route (a 50 MB product file,
 * docs/fulfilment.md) and the routes are held to their own limits here, before authentication:
 * <ul>
 *   <li>the Telegram webhook: {@code starshop.http.webhook-max-body-size} (1 MiB; a legitimate update
 *   can carry two 4096-character texts with their entities, docs/telegram.md, "Body size");</li>
 *   <li>a route marked {@link BodyLimit}: its own limit (code uploads, files, the emulator's
 *   sendDocument);</li>
 *   <li>every other route: {@code starshop.http.max-body-size} (64 KiB, more than any API body needs).</li>
 * </ul>
 * A declared Content-Length above the limit is 413 before the body is read. A body of undeclared
 * length (chunked) is 411 everywhere, the webhook included: its size would only be known after
 * reading up to the server's limit (Telegram always sends a Content-Length).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestBodyLimit implements Ordered {

    /** The one route whose bodies may use the server's whole limit. */
    static final String WEBHOOK_PATH = "/telegram/webhook";

    private final long maxBodySize;
    private final long webhookMaxBodySize;
    private final PropertyResolver properties;

    RequestBodyLimit(@Value("${starshop.http.max-body-size:65536}") long maxBodySize,
                     @Value("${starshop.http.webhook-max-body-size:1048576}") long webhookMaxBodySize,
                     PropertyResolver properties) {
        this.maxBodySize = positive("starshop.http.max-body-size", maxBodySize);
        this.webhookMaxBodySize = positive("starshop.http.webhook-max-body-size", webhookMaxBodySize);
        this.properties = properties;
    }

    /** Before authentication: a body too large is refused without looking at anything else. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        long limit = limitOf(request);
        HttpHeaders headers = request.getHeaders();
        OptionalLong declared = headers.contentLength();
        if (declared.isPresent()) {
            return declared.getAsLong() <= limit ? null : Problems.response(ProblemCode.PAYLOAD_TOO_LARGE,
                    "The body is over " + limit + " bytes");
        }
        if (headers.contains(HttpHeaders.TRANSFER_ENCODING)) {
            return Problems.response(ProblemCode.LENGTH_REQUIRED,
                    "Send the body with a Content-Length (at most " + limit + " bytes), not chunked");
        }
        return null;
    }

    private long limitOf(HttpRequest<?> request) {
        if (WEBHOOK_PATH.equals(request.getPath())) {
            return webhookMaxBodySize;
        }
        return RouteAttributes.getRouteMatch(request)
                .flatMap(route -> route.getAnnotationMetadata().findAnnotation(BodyLimit.class))
                .map(this::limitOf)
                .orElse(maxBodySize);
    }

    private long limitOf(AnnotationValue<BodyLimit> declared) {
        String key = declared.stringValue("property").orElseThrow();
        long payload = properties.getProperty(key, Long.class)
                .orElseGet(() -> declared.longValue("defaultBytes").orElseThrow());
        return positive(key, payload) + declared.longValue("framingBytes").orElse(0);
    }

    private static long positive(String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be positive, not " + value);
        }
        return value;
    }
}

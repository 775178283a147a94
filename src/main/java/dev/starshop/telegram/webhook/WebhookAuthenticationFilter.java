package dev.starshop.telegram.webhook;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;

/**
 * Checks the webhook secret before anything else happens: a request without it is answered 401
 * and its body is neither parsed nor stored. Bound to every {@link TelegramOnly} route, so every
 * spelling of the path that the router matches is guarded; a request under {@code /telegram/**}
 * that matches no route is refused the same way.
 */
@TelegramOnly
@ServerFilter("/telegram/**")
final class WebhookAuthenticationFilter {

    private final WebhookSecret secret;

    WebhookAuthenticationFilter(WebhookSecret secret) {
        this.secret = secret;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        List<String> presented = request.getHeaders().getAll(WebhookSecret.HEADER);
        if (presented.size() == 1 && secret.matches(presented.get(0))) {
            return null;
        }
        return Problems.response(ProblemCode.UNAUTHORIZED, "Missing or wrong " + WebhookSecret.HEADER);
    }
}

package dev.starshop.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;

/**
 * The one place that sets browser security headers, on every response of every spelling of every
 * path (a static file, an error page, a redirect and JSON included): {@code nosniff}, a referrer
 * policy and a Content-Security-Policy whose {@code frame-ancestors} comes from the route's
 * {@link PageFraming}. A response that matched no route (a static file, whatever its spelling)
 * gets the strictest policy. The header is set on every response rather than on HTML only because
 * a response's content type is often decided after the filters run; on JSON it is harmless. The
 * page policies themselves are in {@link PagePolicies}. An SVG (only the shop's own illustrations
 * under {@code /app/img/}; uploads are never SVG) gets {@link PagePolicies#SVG}: opened on its own,
 * it can run nothing and load nothing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter {

    private final PagePolicies policies;

    SecurityHeadersFilter(PagePolicies policies) {
        this.policies = policies;
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
        PageFraming.Ancestors ancestors = framing(RouteAttributes.getRouteMatch(request).orElse(null));
        response.getHeaders().set("Content-Security-Policy", request.getPath().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".svg") ? PagePolicies.SVG : policies.contentSecurityPolicy(ancestors));
        policies.frameOptions(ancestors).ifPresent(value -> response.getHeaders().set("X-Frame-Options", value));
    }

    private static PageFraming.Ancestors framing(@Nullable RouteMatch<?> route) {
        if (route == null) {
            return PageFraming.Ancestors.NONE;
        }
        return route.getRouteInfo().getAnnotationMetadata()
                .enumValue(PageFraming.class, PageFraming.Ancestors.class)
                .orElse(PageFraming.Ancestors.NONE);
    }
}

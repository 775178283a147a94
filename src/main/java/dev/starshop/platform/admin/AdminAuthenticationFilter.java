package dev.starshop.platform.admin;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Lets a request reach an {@link AdminOnly} route only with {@code Authorization: Bearer <admin
 * token>}. The filter is bound to the route, not to a path string: {@code /api/admin/orders/},
 * {@code //api/admin/orders} and every other spelling the router matches carry the same guard.
 * A request under {@code /api/admin/**} that matches no route is refused too, so an unknown admin
 * path says nothing about what exists. A refused request gets a 401 problem and never reaches a
 * controller.
 */
@AdminOnly
@ServerFilter("/api/admin/**")
final class AdminAuthenticationFilter {

    private static final String SCHEME = "Bearer ";
    private static final String CHALLENGE = "Bearer realm=\"starshop-admin\"";

    private final AdminToken adminToken;

    AdminAuthenticationFilter(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (presentsAdminToken(request, adminToken)) {
            return null;
        }
        return refusal();
    }

    static HttpResponse<?> refusal() {
        return Problems.response(ProblemCode.UNAUTHORIZED, "Send the admin token as 'Authorization: Bearer <token>'")
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }

    /** True when the request carries exactly one Authorization header holding the admin token. */
    static boolean presentsAdminToken(HttpRequest<?> request, AdminToken adminToken) {
        var headers = request.getHeaders().getAll(HttpHeaders.AUTHORIZATION);
        return headers.size() == 1 && adminToken.matches(bearerToken(headers.get(0)));
    }

    /** The scheme name is case-insensitive (RFC 9110 §11.1); the token itself is not. */
    @Nullable
    static String bearerToken(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return authorization.substring(SCHEME.length()).strip();
    }
}

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
 * Lets a request into {@code /api/admin/**} only with {@code Authorization: Bearer <admin token>}.
 * A refused request gets a 401 problem and never reaches a controller.
 */
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
        String presented = bearerToken(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (adminToken.matches(presented)) {
            return null;
        }
        return Problems.response(ProblemCode.UNAUTHORIZED, "Send the admin token as 'Authorization: Bearer <token>'")
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
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

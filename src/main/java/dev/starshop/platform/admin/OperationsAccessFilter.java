package dev.starshop.platform.admin;

import dev.starshop.platform.OperationsDocument;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;


/**
 * Which operational routes need the admin token, decided from the matched route (so every
 * spelling of the path gets the same answer). {@code /health} is open and shows its details to
 * the admin token only (see {@link AdminPrincipalBinder}).
 * <ul>
 *   <li>{@code /prometheus}: the admin token unless {@code starshop.security.metrics-public=true}.</li>
 *   <li>{@code /openapi.yml}: public unless {@code starshop.security.openapi-public=false}.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class OperationsAccessFilter {

    private final AdminToken adminToken;
    private final boolean metricsPublic;
    private final boolean openApiPublic;

    OperationsAccessFilter(AdminToken adminToken,
                           @Value("${starshop.security.metrics-public:false}") boolean metricsPublic,
                           @Value("${starshop.security.openapi-public:true}") boolean openApiPublic) {
        this.adminToken = adminToken;
        this.metricsPublic = metricsPublic;
        this.openApiPublic = openApiPublic;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> decide(HttpRequest<?> request) {
        RouteInfo<?> route = RouteAttributes.getRouteMatch(request).map(match -> match.getRouteInfo()).orElse(null);
        if (route == null) {
            return null;
        }
        boolean closed = (endpointId(route).equals("prometheus") && !metricsPublic)
                || (route.getAnnotationMetadata().hasStereotype(OperationsDocument.class) && !openApiPublic);
        if (closed && !AdminAuthenticationFilter.presentsAdminToken(request, adminToken)) {
            return AdminAuthenticationFilter.refusal();
        }
        return null;
    }

    /** The management endpoint's id ({@code @Endpoint(id = "prometheus")}), or "" for other routes. */
    static String endpointId(RouteInfo<?> route) {
        var metadata = route.getAnnotationMetadata();
        return metadata.stringValue(Endpoint.class, "id").or(() -> metadata.stringValue(Endpoint.class)).orElse("");
    }
}

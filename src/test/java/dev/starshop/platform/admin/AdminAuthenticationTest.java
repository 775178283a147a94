package dev.starshop.platform.admin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class AdminAuthenticationTest {

    private static final String SYSTEM = "/api/admin/system";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AdminToken adminToken;

    @Test
    void theTokenFromTheTestConfigurationIsTheEffectiveOne() {
        assertEquals("test-admin-token", adminToken.value());
    }

    @Test
    void theRightBearerTokenOpensTheSystemEndpoint() {
        HttpResponse<Map> response = client.toBlocking()
                .exchange(get(SYSTEM).bearerAuth(adminToken.value()), Map.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        Map<?, ?> system = response.body();
        assertEquals("0.1.0-SNAPSHOT", system.get("version"));
        assertEquals(true, system.get("sandbox"));
        assertEquals("embedded", system.get("database"));
        assertFalse(Instant.parse((String) system.get("startedAt")).isAfter(Instant.now()));
    }

    @Test
    void theSchemeNameIsCaseInsensitive() {
        HttpRequest<?> request = get(SYSTEM).header(HttpHeaders.AUTHORIZATION, "bearer " + adminToken.value());
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(request, Map.class).getStatus());
    }

    @Test
    void noTokenIsRefused() {
        assertUnauthorized(get(SYSTEM));
    }

    @Test
    void aWrongTokenIsRefused() {
        assertUnauthorized(get(SYSTEM).bearerAuth("test-admin-token-but-longer"));
        assertUnauthorized(get(SYSTEM).bearerAuth("test-admin-toke"));
    }

    @Test
    void basicAuthenticationWithTheTokenIsRefused() {
        assertUnauthorized(get(SYSTEM).basicAuth("admin", adminToken.value()));
        assertUnauthorized(get(SYSTEM).header(HttpHeaders.AUTHORIZATION, adminToken.value()));
    }

    @Test
    void unknownAdminPathsDoNotRevealWhetherTheyExist() {
        assertUnauthorized(get("/api/admin/no-such-thing"));
    }

    private static MutableHttpRequest<?> get(String path) {
        return HttpRequest.GET(path);
    }

    private void assertUnauthorized(HttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Map.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertTrue(e.getResponse().getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals("unauthorized", problem.get("code"));
        assertNotNull(e.getResponse().getHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
    }
}

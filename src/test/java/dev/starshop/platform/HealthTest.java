package dev.starshop.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** /health tells anyone UP or DOWN, and only the admin token what is behind it (database URL and port). */
@MicronautTest
class HealthTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anonymousHealthSaysUpAndNothingElse() throws java.io.IOException {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/health"), String.class);

        assertSaysOnlyUp(body, "/health");
    }

    @Test
    void withTheAdminTokenHealthShowsTheDatabase() {
        Map<?, ?> health = client.toBlocking().retrieve(HttpRequest.GET("/health")
                .header("Authorization", "Bearer test-admin-token"), Map.class);

        assertEquals("UP", health.get("status"));
        Map<?, ?> details = (Map<?, ?>) health.get("details");
        assertEquals("UP", ((Map<?, ?>) details.get("jdbc")).get("status"));
    }

    @Test
    void aWrongTokenOrAnotherSpellingDoesNotRevealTheDetails() throws java.io.IOException {
        for (var request : java.util.List.of(HttpRequest.GET("/health").header("Authorization", "Bearer wrong"),
                HttpRequest.GET("/health/").header("Authorization", "Bearer wrong"),
                HttpRequest.GET("/health?details=true"))) {
            assertSaysOnlyUp(client.toBlocking().retrieve(request, String.class), request.getUri().toString());
        }
    }

    /** Status UP; no details, so neither the database URL nor its port. */
    private static void assertSaysOnlyUp(String body, String what) throws java.io.IOException {
        Map<?, ?> health = JsonMapper.createDefault().readValue(body, Map.class);
        assertEquals("UP", health.get("status"), what);
        assertNull(health.get("details"), what);
        assertFalse(body.contains("jdbc") || body.contains("postgresql"), what + ": " + body);
    }
}

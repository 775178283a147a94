package dev.starshop.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class OperationsEndpointsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void prometheusExposesJvmAndHttpServerMetricsToTheAdminToken() {
        client.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/prometheus")
                .header("Authorization", "Bearer test-admin-token"), String.class);
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/plain"));
        String metrics = response.body();
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "HTTP server metrics");
        assertTrue(metrics.contains("hikaricp_connections"), "connection pool metrics");
    }

    @Test
    void prometheusWithoutTheAdminTokenIs401() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class));

        assertEquals(401, refused.getStatus().getCode());
        assertFalse(refused.getResponse().getBody(String.class).orElse("").contains("jvm_memory"));
    }

    @Test
    void theGeneratedOpenApiDocumentHasAStableUrl() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/openapi.yml"), String.class);
        assertEquals("application/yaml", response.getContentType().orElseThrow().toString());
        String document = response.body();
        assertTrue(document.startsWith("openapi: 3."), document);
        assertTrue(document.contains("/api/admin/system:"), document);
        assertTrue(document.contains("scheme: bearer"), "the admin security scheme is documented");
    }
}

package dev.starshop.backoffice.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine serves the console: its page (no token needed to load it), modules and styles. */
@MicronautTest
class AdminConsoleServingTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void thePageAsksForTheTokenAndMayNotBeFramed() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/admin/"), String.class);

        assertEquals(HttpStatus.OK, page.status());
        assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"));
        assertTrue(page.body().contains("Admin token"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"),
                page.header("Content-Security-Policy"));
        assertEquals("DENY", page.header("X-Frame-Options"));
    }

    @Test
    void adminWithoutSlashLeadsToThePage() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/admin"), String.class);
        // The client follows redirects: landing on the page proves /admin leads to /admin/.
        assertTrue(response.body().contains("console.js"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/console.js", "/admin/api.js", "/admin/dom.js", "/admin/views/orders.js",
            "/admin/views/order-detail.js", "/admin/views/exports.js", "/admin/views/dashboard.js"})
    void modulesAreServedAsJavaScript(String path) {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(path), String.class);

        String type = response.getContentType().orElseThrow().toString();
        assertTrue(type.contains("javascript"), path + " served as " + type);
        assertTrue(response.body().contains("export") || response.body().contains("import"));
    }

    @Test
    void theChartLibraryComesFromItsWebJarUnderTheConsolesPath() {
        HttpResponse<String> response = client.toBlocking()
                .exchange(HttpRequest.GET("/admin/vendor/echarts/echarts.min.js"), String.class);

        String type = response.getContentType().orElseThrow().toString();
        assertTrue(type.contains("javascript"), "served as " + type);
        assertTrue(response.body().contains("echarts"));
    }

    @Test
    void stylesAreServedAsCss() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/admin/admin.css"), String.class);
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/css"));
    }
}

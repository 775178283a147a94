package dev.starshop.miniapp;

import io.micronaut.context.annotation.Property;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine serves the Mini App: its page with the configured Telegram script, and its modules. */
@MicronautTest
@Property(name = "starshop.webapp.telegram-script-url", value = MiniAppServingTest.SCRIPT_URL)
class MiniAppServingTest {

    static final String SCRIPT_URL = "http://localhost:9/offline/telegram-web-app.js?v=1&x=\"2\"";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void thePageLoadsTheConfiguredTelegramScriptBeforeTheApp() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/app/"), String.class);

        assertEquals(HttpStatus.OK, page.status());
        assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"));
        String html = page.body();
        String script = "<script src=\"http://localhost:9/offline/telegram-web-app.js?v=1&amp;x=&quot;2&quot;\">";
        assertTrue(html.contains(script), html);
        assertTrue(html.indexOf(script) < html.indexOf("app.js"), "Telegram's script must load before the app");
        assertFalse(html.contains("{{"), "no placeholder left behind");
    }

    @Test
    void indexHtmlIsTheSamePage() {
        String html = client.toBlocking().retrieve("/app/index.html");
        assertTrue(html.contains("telegram-web-app.js?v=1"));
    }

    @Test
    void appWithoutSlashRedirectsSoRelativeUrlsResolveInsideApp() {
        HttpResponse<String> response = client.toBlocking()
                .exchange(HttpRequest.GET("/app"), String.class);
        // The client follows redirects: landing on the page proves /app leads to /app/.
        assertTrue(response.body().contains("app.js"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/app.js", "/app/api.js", "/app/i18n.js", "/app/checkout.js", "/app/views/catalog.js"})
    void modulesAreServedAsJavaScript(String path) {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(path), String.class);

        assertEquals(HttpStatus.OK, response.status());
        String type = response.getContentType().orElseThrow().toString();
        assertTrue(type.contains("javascript"), path + " served as " + type);
        assertTrue(response.body().contains("import") || response.body().contains("export"));
    }

    @Test
    void stylesAreServedAsCss() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/app/styles.css"), String.class);
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/css"));
    }
}

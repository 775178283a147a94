package dev.starshop.miniapp;

import dev.starshop.platform.web.PublicRoute;
import dev.starshop.platform.web.PageFraming;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.net.URI;

/**
 * Serves the Mini App's page. Its scripts and styles are static resources under {@code /app/**}
 * (application.yml); the page itself comes from here because it carries a setting, Telegram's
 * script URL.
 */
@Controller("/app")
@PublicRoute
@PageFraming(PageFraming.Ancestors.TELEGRAM)
final class MiniAppController {

    private final MiniAppPage page;

    MiniAppController(MiniAppPage page) {
        this.page = page;
    }

    /**
     * {@code /app} redirects to {@code /app/} so the page's relative URLs ({@code app.js}) resolve
     * inside {@code /app/}. Telegram passes its launch parameters in the fragment, which browsers
     * keep across a redirect.
     */
    @Get(uris = {"/", "/index.html"}, produces = MediaType.TEXT_HTML)
    HttpResponse<String> index(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/") && !request.getPath().endsWith("/index.html")) {
            return HttpResponse.permanentRedirect(URI.create("/app/"));
        }
        // The page is tiny and names the script URL, which may change with configuration.
        return HttpResponse.ok(page.html()).header("Cache-Control", "no-cache");
    }
}

package dev.starshop.backoffice.console;

import dev.starshop.platform.web.PublicRoute;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

/**
 * Serves the back-office console's page; its scripts and styles are static resources under
 * {@code /admin/**} (application.yml). The page holds no data: it asks for the admin token and
 * sends it with every {@code /api/admin} call (docs/admin-console.md). Its security headers (never
 * framed) come from SecurityHeadersFilter, like every other page's.
 */
@Controller("/admin")
@PublicRoute
@Hidden
final class AdminConsoleController {

    private static final String PAGE = "classpath:webapp/admin/index.html";

    private final ResourceResolver resources;

    AdminConsoleController(ResourceResolver resources) {
        this.resources = resources;
    }

    /** {@code /admin} redirects to {@code /admin/} so the page's relative URLs resolve inside it. */
    @Get(uris = {"/", "/index.html"}, produces = MediaType.TEXT_HTML)
    HttpResponse<?> index(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/") && !request.getPath().endsWith("/index.html")) {
            return HttpResponse.permanentRedirect(URI.create("/admin/"));
        }
        return resources.getResource(PAGE)
                .map(url -> HttpResponse.ok(new StreamedFile(url)).contentType(MediaType.TEXT_HTML_TYPE)
                        .header("Cache-Control", "no-cache"))
                .orElseGet(HttpResponse::notFound);
    }
}

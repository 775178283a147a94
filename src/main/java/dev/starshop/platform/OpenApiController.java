package dev.starshop.platform;

import dev.starshop.platform.web.PublicRoute;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI document generated at build time under one URL that does not change with the
 * API version. The compiler writes it to {@code META-INF/swagger/starshop.yml} (see pom.xml).
 */
@Controller
@PublicRoute
@OperationsDocument
final class OpenApiController {

    static final String DOCUMENT = "/META-INF/swagger/starshop.yml";
    private static final MediaType YAML = MediaType.of("application/yaml");

    private final byte[] document;

    OpenApiController() {
        this.document = load();
    }

    @Get("/openapi.yml")
    @Hidden
    HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(document).contentType(YAML);
    }

    private static byte[] load() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing: the build did not run the OpenAPI processor");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DOCUMENT, e);
        }
    }
}

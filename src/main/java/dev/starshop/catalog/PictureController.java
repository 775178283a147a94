package dev.starshop.catalog;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import dev.starshop.platform.web.PublicRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.regex.Pattern;

/**
 * Product pictures for everyone. A URL names the picture's content (its SHA-256) and a width, so
 * its bytes never change: browsers and proxies may keep it for a year without asking again
 * ({@code immutable}); the ETag answers a conditional request with 304 all the same.
 */
@Controller("/images")
@PublicRoute
@ExecuteOn(TaskExecutors.BLOCKING)
class PictureController {

    static final String CACHE_FOREVER = "public, max-age=31536000, immutable";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,3}");

    private final PictureUploads pictures;

    PictureController(PictureUploads pictures) {
        this.pictures = pictures;
    }

    @Get("/{sha256}/{size}")
    HttpResponse<?> picture(String sha256, String size, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (!SHA256.matcher(sha256).matches() || !SIZE.matcher(size).matches()) {
            throw notFound();
        }
        String etag = "\"" + sha256 + "-" + size + "\"";
        return pictures.rendition(sha256, Integer.parseInt(size))
                .<HttpResponse<?>>map(found -> etag.equals(ifNoneMatch)
                        ? HttpResponse.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag)
                                .header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
                        : HttpResponse.ok(found.content()).contentType(found.contentType())
                                .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER))
                .orElseThrow(PictureController::notFound);
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemCode.NOT_FOUND, "No such picture");
    }
}

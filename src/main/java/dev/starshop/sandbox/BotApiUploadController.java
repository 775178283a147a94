package dev.starshop.sandbox;

import dev.starshop.platform.http.BodyLimit;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * Multipart Bot API calls (file uploads: sendDocument), on the same paths as {@link BotApiController}.
 * A controller of its own because the router tells two routes of one path apart by the media types
 * they name, and BotApiController's class-level {@code @Consumes} would be merged into this route's.
 * The one sandbox route whose body may hold a file of up to {@code starshop.sandbox.max-file-size};
 * the parts become the call's parameters, a file part an {@link UploadedFile}.
 */
@Hidden
@Controller("/sandbox")
@Requires(missingProperty = "starshop.telegram.bot-token")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
final class BotApiUploadController {

    private final BotApiController calls;

    BotApiUploadController(BotApiController calls) {
        this.calls = calls;
    }

    @Post(value = "/bot{token}/{method}", consumes = MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(property = "starshop.sandbox.max-file-size", defaultBytes = 52_428_800, framingBytes = 65_536)
    HttpResponse<Map<String, Object>> post(@PathVariable String token, @PathVariable String method,
                                           HttpRequest<?> request, @Body MultipartBody body) {
        return calls.handle(token, method, request, null, MultipartParts.read(body));
    }

    @Post(value = "/bot{token}/test/{method}", consumes = MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(property = "starshop.sandbox.max-file-size", defaultBytes = 52_428_800, framingBytes = 65_536)
    HttpResponse<Map<String, Object>> postTest(@PathVariable String token, @PathVariable String method,
                                               HttpRequest<?> request, @Body MultipartBody body) {
        return calls.handle(token, method, request, null, MultipartParts.read(body));
    }
}

package dev.starshop.sandbox;

import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Telegram's Bot API endpoint, {@code /bot<token>/<method>} (and the test-environment form
 * {@code /bot<token>/test/<method>}). Blocking executor: getUpdates long-polls and the
 * slow-answer knob sleeps.
 */
@Hidden
@Controller("/sandbox")
@Requires(missingProperty = "starshop.telegram.bot-token")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
final class BotApiController {

    private final BotCredentials credentials;
    private final BotApiDispatcher dispatcher;
    private final FaultKnobs faults;
    private final JsonMapper json;

    BotApiController(BotCredentials credentials, BotApiDispatcher dispatcher, FaultKnobs faults, JsonMapper json) {
        this.credentials = credentials;
        this.dispatcher = dispatcher;
        this.faults = faults;
        this.json = json;
    }

    @Post("/bot{token}/{method}")
    HttpResponse<Map<String, Object>> post(@PathVariable String token, @PathVariable String method,
                                           HttpRequest<?> request, @Body @Nullable String body) {
        return handle(token, method, request, body);
    }

    @Post("/bot{token}/test/{method}")
    HttpResponse<Map<String, Object>> postTest(@PathVariable String token, @PathVariable String method,
                                               HttpRequest<?> request, @Body @Nullable String body) {
        return handle(token, method, request, body);
    }

    @Get("/bot{token}/{method}")
    HttpResponse<Map<String, Object>> get(@PathVariable String token, @PathVariable String method,
                                          HttpRequest<?> request) {
        return handle(token, method, request, null);
    }

    @Get("/bot{token}/test/{method}")
    HttpResponse<Map<String, Object>> getTest(@PathVariable String token, @PathVariable String method,
                                              HttpRequest<?> request) {
        return handle(token, method, request, null);
    }

    private HttpResponse<Map<String, Object>> handle(String token, String method, HttpRequest<?> request,
                                                     String body) {
        return handle(token, method, request, body, Map.of());
    }

    /** One call: query parameters, then the body's, then multipart parts ({@link BotApiUploadController}). */
    HttpResponse<Map<String, Object>> handle(String token, String method, HttpRequest<?> request,
                                             String body, Map<String, Object> parts) {
        try {
            if (!tokenMatches(token)) {
                throw BotApiError.unauthorized();
            }
            pause(faults.current().answerDelayMillis());
            Map<String, Object> parameters = parameters(request, body);
            parameters.putAll(parts);
            Object result = dispatcher.call(method, parameters, "http");
            pause(faults.takeHold(method));
            return HttpResponse.ok(Json.obj("ok", true, "result", result));
        } catch (BotApiError e) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(e.status())).body(e.envelope());
        }
    }

    /** Constant time, so the token cannot be guessed byte by byte from response timings. */
    private boolean tokenMatches(String token) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                credentials.token().getBytes(StandardCharsets.UTF_8));
    }

    private static void pause(long delay) {
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Query parameters first, then the body (JSON object or form fields) on top, like Telegram. */
    private Map<String, Object> parameters(HttpRequest<?> request, String body) {
        Map<String, Object> values = new LinkedHashMap<>();
        request.getParameters().forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        if (body == null || body.isBlank()) {
            return values;
        }
        boolean form = request.getContentType().map(MediaType.APPLICATION_FORM_URLENCODED_TYPE::matches).orElse(false);
        values.putAll(form ? formFields(body) : jsonObject(body));
        return values;
    }

    private Map<String, Object> jsonObject(String body) {
        try {
            return json.readValue(body.getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            throw BotApiError.badRequest("can't parse JSON object");
        }
    }

    private static Map<String, Object> formFields(String body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.put(name, value);
            }
        }
        return fields;
    }
}

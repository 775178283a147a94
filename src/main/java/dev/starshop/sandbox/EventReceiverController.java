package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Map;

/**
 * The sandbox receiver: the page at {@code /sandbox/events}, the endpoint events are posted to, and
 * the list the page shows. A forged or stale signature is answered 400, as a careful receiver does.
 */
@Controller("/sandbox")
@Requires(missingProperty = "starshop.telegram.bot-token")
@ExecuteOn(TaskExecutors.BLOCKING)
final class EventReceiverController {

    private final EventReceiver receiver;
    private final ResourceResolver resources;

    EventReceiverController(EventReceiver receiver, ResourceResolver resources) {
        this.receiver = receiver;
        this.resources = resources;
    }

    @Get(value = "/events", produces = MediaType.TEXT_HTML)
    HttpResponse<StreamedFile> page() {
        return resources.getResource("classpath:webapp/sandbox/events.html")
                .map(url -> HttpResponse.ok(new StreamedFile(url)).header("Cache-Control", "no-cache"))
                .orElseGet(HttpResponse::notFound);
    }

    @Post(value = "/events/receive", consumes = MediaType.ALL)
    HttpResponse<Map<String, Object>> receive(@Header("Starshop-Signature") @Nullable String signature,
                                              @Header("Starshop-Event-Id") @Nullable String eventId,
                                              @Header("Starshop-Event-Type") @Nullable String type,
                                              @Body String body) {
        boolean valid = receiver.receive(signature, body, eventId, type);
        return valid ? HttpResponse.ok(Map.of("received", true))
                : HttpResponse.badRequest(Map.of("received", false, "reason", "signature did not verify"));
    }

    @Get("/api/events")
    List<Map<String, Object>> received() {
        return receiver.received();
    }
}

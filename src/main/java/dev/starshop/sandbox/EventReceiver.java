package dev.starshop.sandbox;

import dev.starshop.events.EventEndpoints;
import dev.starshop.events.EventSignature;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's own event receiver (docs/events.md, "Sandbox receiver"): an endpoint on this engine,
 * registered at start-up, that verifies each event's signature exactly as docs/events.md tells
 * integrators to and keeps the last {@link #KEEP} for the receiver page.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class EventReceiver {

    static final String PATH = "/sandbox/events/receive";
    static final int KEEP = 200;
    private static final long TOLERANCE_SECONDS = 300;

    private final EventEndpoints endpoints;
    private final Clock clock;
    private final Ring<Map<String, Object>> received = new Ring<>(KEEP);
    private final AtomicLong endpointId = new AtomicLong(-1);

    EventReceiver(EventEndpoints endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @EventListener
    void register(ServerStartupEvent started) {
        String base = started.getSource().getURL().toString().replaceAll("/+$", "");
        endpointId.set(endpoints.ensureBuiltIn(base + PATH));
    }

    /** Returns whether the signature held; the event is listed either way, marked. */
    boolean receive(@Nullable String signature, String body, @Nullable String eventId, @Nullable String type) {
        boolean valid = signature != null && endpointId.get() > 0
                && EventSignature.verify(endpoints.secretOf(endpointId.get()), signature, body,
                clock.instant().getEpochSecond(), TOLERANCE_SECONDS);
        received.add(Json.obj("receivedAt", clock.instant().toString(), "eventId", eventId, "type", type,
                "signatureValid", valid, "body", body));
        return valid;
    }

    List<Map<String, Object>> received() {
        return received.all();
    }
}

package dev.starshop.events;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One event on its way to one endpoint: the event_deliveries row (V20) with its endpoint. */
record Delivery(long id, UUID eventId, long endpointId, String url, String type, String body, Status status,
                int attempts, Instant nextAttemptAt, Instant retryUntil, @Nullable Integer lastStatus,
                @Nullable String lastError, Instant createdAt, @Nullable Instant deliveredAt) {

    enum Status { PENDING, DELIVERED, FAILED }
}

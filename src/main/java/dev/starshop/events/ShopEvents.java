package dev.starshop.events;

import dev.starshop.platform.db.TransactionMemo;
import dev.starshop.platform.db.WriteBehind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Publishes an event to every enabled endpoint, in the caller's transaction: the rows commit with
 * the change they report, or not at all, and {@link EventSender} sends them after commit. This is
 * how any domain publishes (docs/events.md, "Publishing an event from code"). In a webhook group
 * commit the rows of the batch's events are written together, in publication order, before the commit.
 */
@Singleton
public class ShopEvents {

    private static final String ENABLED_ENDPOINTS = "events.enabled-endpoints";

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final EventSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionMemo memo;
    private final WriteBehind writeBehind;
    private final WriteBehind.Table<DeliveryRepository.NewDelivery> rows;

    ShopEvents(EndpointRepository endpoints, DeliveryRepository deliveries, EventSettings settings, JsonMapper json,
               Clock clock, TransactionMemo memo, WriteBehind writeBehind) {
        this.memo = memo;
        this.writeBehind = writeBehind;
        this.rows = deliveries::insertAll;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param orderingKey the order the event belongs to (its id), or null when order does not matter;
     *                    an order's events reach each endpoint in the order they were published
     * @param data        the resources, as the public API shows them (a {@code @Serdeable} record or a map)
     * @return the event's id (the same on every endpoint)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID publish(EventType type, @Nullable String orderingKey, Object data) {
        return publishTo(enabled(), type, orderingKey, data);
    }

    /**
     * {@link #publish(EventType, String, Object)}, with the data made only when an endpoint is
     * enabled: an event nobody receives costs one read of the endpoints and nothing else.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID publish(EventType type, @Nullable String orderingKey, Supplier<?> data) {
        List<EventEndpoint> targets = enabled();
        return targets.isEmpty() ? UUID.randomUUID() : publishTo(targets, type, orderingKey, data.get());
    }

    /** Whether {@link #publish} would write anything now: an endpoint is enabled (read once per transaction). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean anyEndpointEnabled() {
        return !enabled().isEmpty();
    }

    /** Read once per transaction: a group commit publishes for many updates in one. */
    private List<EventEndpoint> enabled() {
        return memo.once(ENABLED_ENDPOINTS, endpoints::enabled);
    }

    /** One event to the given endpoints only (the console's test event). */
    UUID publishTo(List<EventEndpoint> targets, EventType type, @Nullable String orderingKey, Object data) {
        UUID id = UUID.randomUUID();
        if (targets.isEmpty()) {
            return id;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String body = body(json, id, type, now, data);
        Instant retryUntil = now.plus(settings.retryFor());
        for (EventEndpoint endpoint : targets) {
            DeliveryRepository.NewDelivery row = new DeliveryRepository.NewDelivery(id, endpoint.id(), type.wireName(),
                    orderingKey, body, now, retryUntil);
            if (!writeBehind.offer(rows, row)) {
                deliveries.insert(id, endpoint.id(), type.wireName(), orderingKey, body, now, retryUntil);
            }
        }
        return id;
    }

    /** {@code {"id","type","createdAt","data"}}, the contract's envelope, written once and sent as is. */
    @Serdeable
    record Envelope(UUID id, String type, Instant createdAt, Object data) {
    }

    /** The envelope and its data in one serialization. */
    static String body(JsonMapper json, UUID id, EventType type, Instant createdAt, Object data) {
        Envelope envelope = new Envelope(id, type.wireName(), createdAt, data);
        try {
            return new String(json.writeValueAsBytes(envelope), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write event data of " + data.getClass().getSimpleName(), e);
        }
    }
}

package dev.starshop.events;

import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Event endpoints and deliveries for operators (docs/events.md, "In the console"). */
@Controller("/api/admin")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class EventAdminController {

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");
    private static final int LIST_LIMIT = 200;

    @Serdeable
    record NewEndpoint(@Nullable String url) {
    }

    /** {@code secret} is present only in the answer that made it; it is never shown again. */
    @Serdeable
    record EndpointView(long id, String url, String origin, boolean enabled, Instant createdAt,
                        @Nullable String secret) {
        static EndpointView of(EventEndpoint e, @Nullable String secret) {
            return new EndpointView(e.id(), e.url(), e.origin().name(), e.enabled(), e.createdAt(), secret);
        }
    }

    @Serdeable
    record DeliveryView(long id, UUID eventId, long endpointId, String url, String type, String status, int attempts,
                        Instant nextAttemptAt, @Nullable Integer lastStatus, @Nullable String lastError,
                        Instant createdAt, @Nullable Instant deliveredAt, String body) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.endpointId(), d.url(), d.type(), d.status().name(),
                    d.attempts(), d.nextAttemptAt(), d.lastStatus(), d.lastError(), d.createdAt(), d.deliveredAt(),
                    d.body());
        }
    }

    private final EventEndpoints endpoints;
    private final DeliveryRepository deliveries;
    private final EventSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    EventAdminController(EventEndpoints endpoints, DeliveryRepository deliveries, EventSettings settings,
                         TransactionOperations<Connection> transactions, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Get("/event-endpoints")
    List<EndpointView> endpoints() {
        return endpoints.all().stream().map(e -> EndpointView.of(e, null)).toList();
    }

    @Post("/event-endpoints")
    HttpResponse<EndpointView> create(@Body NewEndpoint body) {
        EventEndpoints.Created created = endpoints.create(body.url());
        return HttpResponse.status(HttpStatus.CREATED).body(EndpointView.of(created.endpoint(), created.secret()));
    }

    @Post("/event-endpoints/{id}/secret")
    EndpointView renewSecret(long id) {
        EventEndpoints.Created renewed = endpoints.renewSecret(id);
        return EndpointView.of(renewed.endpoint(), renewed.secret());
    }

    @Post("/event-endpoints/{id}/test")
    HttpResponse<DeliveryView> sendTest(long id) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(DeliveryView.of(endpoints.sendTest(id)));
    }

    @Delete("/event-endpoints/{id}")
    HttpResponse<Void> disable(long id) {
        endpoints.disable(id);
        return HttpResponse.noContent();
    }

    @Get("/event-deliveries")
    List<DeliveryView> deliveries(@QueryValue @Nullable String status, @QueryValue @Nullable Long endpointId) {
        if (status != null && !STATUSES.contains(status)) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "status is one of " + STATUSES);
        }
        return transactions.executeRead(s -> deliveries.recent(status, endpointId, LIST_LIMIT)).stream()
                .map(DeliveryView::of).toList();
    }

    /** Sends a delivery again now, whatever its status, with a fresh retry window (same event id). */
    @Post("/event-deliveries/{id}/resend")
    HttpResponse<DeliveryView> resend(long id) {
        Instant now = clock.instant();
        Delivery delivery = transactions.executeWrite(s -> {
            if (!deliveries.resend(id, now, now.plus(settings.retryFor()))) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "No event delivery " + id);
            }
            return deliveries.find(id).orElseThrow();
        });
        return HttpResponse.status(HttpStatus.ACCEPTED).body(DeliveryView.of(delivery));
    }
}

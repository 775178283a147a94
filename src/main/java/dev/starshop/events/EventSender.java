package dev.starshop.events;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends committed event deliveries, at least once: a row is claimed with a lease before the call
 * and settled after it; a crash in between leaves it PENDING and it is sent again when the lease
 * ends (same event id: receivers deduplicate by it). Failures are retried on {@link RetrySchedule};
 * a delivery whose window closes is FAILED and the operator chat is told.
 */
@Singleton
class EventSender {

    private static final Logger LOG = LoggerFactory.getLogger(EventSender.class);
    private static final int BATCH = 20;
    private static final int MAX_ERROR = 300;

    private final DeliveryRepository deliveries;
    private final WebhookTransport transport;
    private final OperatorAlerts alerts;
    private final TransactionOperations<Connection> transactions;
    private final EventSettings settings;
    private final Clock clock;
    private final AtomicBoolean stopping = new AtomicBoolean();

    EventSender(DeliveryRepository deliveries, WebhookTransport transport, OperatorAlerts alerts,
                TransactionOperations<Connection> transactions, EventSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.transport = transport;
        this.alerts = alerts;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${starshop.events.interval:1s}", initialDelay = "${starshop.events.interval:1s}")
    void tick() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("Event deliveries could not be sent this round: {}", e.getMessage());
        }
    }

    /** Sends everything due now; returns how many calls were made. */
    int drain() {
        int calls = 0;
        List<Delivery> batch;
        do {
            if (stopping.get()) {
                break;
            }
            Instant now = clock.instant();
            batch = transactions.executeWrite(status -> deliveries.claimDue(now, now.plus(lease()), BATCH));
            for (Delivery delivery : batch) {
                if (stopping.get()) {
                    break;
                }
                send(delivery);
                calls++;
            }
        } while (batch.size() == BATCH);
        return calls;
    }

    /** Long enough for one call to finish: a row is not claimed twice while its call may still answer. */
    private Duration lease() {
        return settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(30);
    }

    private void send(Delivery delivery) {
        String secret = transactions.executeRead(status -> deliveries.secretOf(delivery.endpointId()));
        long t = clock.instant().getEpochSecond();
        WebhookTransport.Outcome outcome = transport.post(delivery.url(), delivery.body(),
                EventSignature.header(secret, t, delivery.body()), delivery.eventId().toString(), delivery.type());
        transactions.executeWrite(status -> {
            settle(delivery, outcome);
            return null;
        });
    }

    private void settle(Delivery delivery, WebhookTransport.Outcome outcome) {
        Instant now = clock.instant();
        if (outcome.accepted()) {
            deliveries.delivered(delivery, outcome.status(), now);
            return;
        }
        String error = truncate(outcome.error());
        Optional<Instant> next = RetrySchedule.nextAttempt(delivery.attempts(), now, delivery.retryUntil());
        if (next.isPresent()) {
            deliveries.retryAt(delivery, next.get(), outcome.status(), error);
        } else if (deliveries.failed(delivery, outcome.status(), error)) {
            LOG.warn("Event {} ({}) to {} FAILED after {} attempts: {}", delivery.eventId(), delivery.type(),
                    delivery.url(), delivery.attempts(), error);
            alerts.raise(AlertKind.ENDPOINT_FAILING, "endpoint-failing:" + delivery.id() + ":" + delivery.attempts(),
                    Map.of("url", delivery.url(), "type", delivery.type(), "eventId", delivery.eventId().toString(),
                            "attempts", delivery.attempts(), "error", error));
        }
    }

    private static String truncate(String error) {
        String text = error == null ? "no answer" : error;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "…";
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
    }
}

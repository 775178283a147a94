package dev.starshop.telegram.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.concurrent.Semaphore;

/**
 * How many webhook requests the engine works on at once. Telegram opens at most the webhook's
 * {@code max_connections} (40 by default, 100 at most), so the default limit of 100 never turns
 * Telegram away; it stops a client that ignores the limit, or a hiccup that makes answers slow,
 * from piling up blocked threads until nothing is answered in time. A request beyond the limit is
 * answered 503 with {@code Retry-After} at once, before anything is read or written: never 2xx, so
 * Telegram delivers the update again. See docs/telegram.md.
 */
@Singleton
class WebhookAdmission {

    private final int limit;
    private final Semaphore slots;
    private final Counter turnedAway;

    WebhookAdmission(@Value("${starshop.telegram.webhook-max-in-flight:100}") int limit, MeterRegistry meters) {
        if (limit < 1) {
            throw new IllegalArgumentException("starshop.telegram.webhook-max-in-flight must be at least 1, not "
                    + limit);
        }
        this.limit = limit;
        this.slots = new Semaphore(limit);
        this.turnedAway = Counter.builder("starshop.webhook.turned.away")
                .description("Webhook requests answered 503 because max-in-flight were being worked on")
                .register(meters);
        Gauge.builder("starshop.webhook.in.flight", this, WebhookAdmission::inFlight)
                .description("Webhook requests being worked on").register(meters);
    }

    /** A slot, or false (counted) when every one is taken. A true answer must be followed by {@link #leave}. */
    boolean tryEnter() {
        if (slots.tryAcquire()) {
            return true;
        }
        turnedAway.increment();
        return false;
    }

    void leave() {
        slots.release();
    }

    int limit() {
        return limit;
    }

    private double inFlight() {
        return limit - slots.availablePermits();
    }
}

package dev.starshop.order;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.RetryLaterException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many orders are being placed at once ({@code starshop.orders.concurrent-placements}),
 * first come, first served. A flash sale sends thousands of buyers at once; unbounded, each would
 * queue for one of the pool's connections, those that waited past the pool's timeout would get a 503
 * between the order's commit and its invoice link (an order placed that no buyer was told of), and
 * the payment webhook would wait behind them. Bounded, the rest wait here, holding nothing, and one
 * that waits longer than {@code starshop.orders.placement-wait} gets 503 {@code busy} with
 * {@code Retry-After} before anything is read or written.
 */
@Singleton
class OrderAdmission {

    private final Semaphore permits;
    private final Duration wait;

    @Inject
    OrderAdmission(OrderSettings settings) {
        this(settings.concurrentPlacements(), settings.placementWait());
    }

    OrderAdmission(int concurrent, Duration wait) {
        this.permits = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    /** Runs {@code placement} once a place is free, or refuses with 503 busy after the configured wait. */
    <T> T admit(Supplier<T> placement) {
        if (!acquire()) {
            throw new RetryLaterException(ProblemCode.BUSY,
                    "Too many orders are being placed right now; nothing was written, try again", Duration.ofSeconds(1));
        }
        try {
            return placement.get();
        } finally {
            permits.release();
        }
    }

    private boolean acquire() {
        try {
            return permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

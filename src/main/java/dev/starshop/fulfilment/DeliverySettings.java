package dev.starshop.fulfilment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How deliveries are sent and retried ({@code starshop.fulfilment.delivery.*}, docs/configuration.md).
 *
 * @param interval       how often the sender looks for due deliveries (it is also nudged after each payment)
 * @param maxAttempts    calls per delivery before it is FAILED (an operator's retry starts a new count)
 * @param initialBackoff wait after the first retryable failure; doubles after each
 * @param maxBackoff     the longest wait between two attempts
 * @param lease          how long a claim lasts; a SENDING row past it belongs to a dead sender and is sent again
 */
@ConfigurationProperties("starshop.fulfilment.delivery")
record DeliverySettings(
        @Bindable(defaultValue = "2s") Duration interval,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "5s") Duration initialBackoff,
        @Bindable(defaultValue = "10m") Duration maxBackoff,
        @Bindable(defaultValue = "2m") Duration lease) {

    /** initial × 2^(attempts−1), capped at {@link #maxBackoff}. */
    Duration backoffAfter(int attempts) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

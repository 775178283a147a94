package dev.starshop.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: 1 s, 5 s, 30 s after the first, second and third failed
 * attempts, then doubling (1 min, 2 min, …) up to one hour between attempts, for as long as the
 * delivery's retry window ({@code starshop.events.retry-for}, 24 h) lasts.
 */
final class RetrySchedule {

    private static final Duration[] FIRST = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)};
    static final Duration LONGEST = Duration.ofHours(1);

    private RetrySchedule() {
    }

    /** The pause after the {@code failedAttempts}-th failed attempt (1 for the first). */
    static Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("attempts start at 1: " + failedAttempts);
        }
        if (failedAttempts <= FIRST.length) {
            return FIRST[failedAttempts - 1];
        }
        int doublings = Math.min(failedAttempts - FIRST.length, 20);
        Duration delay = FIRST[FIRST.length - 1].multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }

    /** The next attempt, or empty when it would fall after {@code retryUntil}: the delivery has FAILED. */
    static Optional<Instant> nextAttempt(int failedAttempts, Instant now, Instant retryUntil) {
        Instant next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(retryUntil) ? Optional.empty() : Optional.of(next);
    }
}

package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed Bot API call is tried again, and after how long.
 * <ul>
 *   <li>429 with {@code retry_after} up to the cap: wait that long and repeat, for every method,
 *       because flood control refuses a request before executing it.</li>
 *   <li>5xx, timeouts, broken connections: exponential backoff with jitter, only for methods that are
 *       safe to repeat ({@link BotApiMethod#safeToRepeat()}); for the others a repeat could send a
 *       second message or hide whether a refund happened, so the failure goes to the caller.</li>
 *   <li>Everything else (400, 401, 403, …) is final: repeating the same request gets the same answer.</li>
 * </ul>
 */
@Singleton
final class RetryPolicy {

    private final BotApiSettings settings;
    private final Sleeper sleeper;

    RetryPolicy(BotApiSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
    }

    /** The wait before attempt {@code attempt + 1}, or null when the failure is final. */
    @Nullable
    Duration delayAfter(BotApiMethod<?> method, int attempt, RuntimeException failure) {
        if (attempt >= settings.maxAttempts()) {
            return null;
        }
        if (failure instanceof BotApiException refused) {
            return delayAfterRefusal(method, attempt, refused);
        }
        if (failure instanceof BotApiUnavailableException unavailable && unavailable.isTransient()
                && method.safeToRepeat()) {
            return backoff(attempt);
        }
        return null;
    }

    void sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a Bot API call", e);
        }
    }

    @Nullable
    private Duration delayAfterRefusal(BotApiMethod<?> method, int attempt, BotApiException refused) {
        Integer retryAfter = refused.retryAfter();
        if (refused.kind() == BotApiException.Kind.TOO_MANY_REQUESTS && retryAfter != null) {
            Duration wait = Duration.ofSeconds(Math.max(0, retryAfter));
            return wait.compareTo(settings.retryAfterCap()) <= 0 ? wait : null;
        }
        if (refused.kind() == BotApiException.Kind.SERVER_ERROR && method.safeToRepeat()) {
            return backoff(attempt);
        }
        return null;
    }

    /** initial × 2^(attempt-1), of which a random half is kept, so clients that failed together spread out. */
    Duration backoff(int attempt) {
        long full = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}

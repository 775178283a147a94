package dev.starshop.telegram.botapi;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Timeouts and retry limits of the Bot API client ({@code starshop.telegram.client.*}).
 *
 * @param connectTimeout       TCP/TLS connect limit
 * @param readTimeout          answer limit for ordinary methods
 * @param longPollReadTimeout  answer limit for getUpdates; must exceed the long-poll {@code timeout}
 * @param maxAttempts          attempts per call, first one included
 * @param initialBackoff       wait before the second attempt after a 5xx or timeout; doubles after
 * @param retryAfterCap        longest flood-control wait ({@code retry_after}) we sit out in-line;
 *                             a longer one is handed to the caller, which can reschedule instead
 */
@ConfigurationProperties("starshop.telegram.client")
public record BotApiSettings(
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "15s") Duration readTimeout,
        @Bindable(defaultValue = "75s") Duration longPollReadTimeout,
        @Bindable(defaultValue = "3") int maxAttempts,
        @Bindable(defaultValue = "200ms") Duration initialBackoff,
        @Bindable(defaultValue = "30s") Duration retryAfterCap) {

    /** Defaults, for code built without an application context (unit tests). */
    public static BotApiSettings defaults() {
        return new BotApiSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(75), 3,
                Duration.ofMillis(200), Duration.ofSeconds(30));
    }
}

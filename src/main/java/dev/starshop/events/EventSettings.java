package dev.starshop.events;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Event webhooks (docs/events.md).
 *
 * @param url                 {@code STARSHOP_EVENTS_URL}: one or more endpoints, comma separated
 * @param secret              {@code STARSHOP_EVENTS_SECRET}: their signing secret; absent → generated,
 *                            and a new one can be shown once in the console
 * @param allowPrivateTargets accept endpoints on loopback, private and link-local addresses
 * @param connectTimeout      TCP/TLS connect limit of one delivery
 * @param readTimeout         how long a receiver may take to answer one delivery
 * @param retryFor            how long a delivery is retried before it is FAILED and alerted
 * @param interval            how often due deliveries are looked for
 */
@ConfigurationProperties("starshop.events")
public record EventSettings(
        @Nullable String url,
        @Nullable String secret,
        @Bindable(defaultValue = "false") boolean allowPrivateTargets,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration readTimeout,
        @Bindable(defaultValue = "24h") Duration retryFor,
        @Bindable(defaultValue = "1s") Duration interval) {

    /** The configured endpoint URLs, trimmed, blanks dropped. */
    public List<String> urls() {
        return url == null ? List.of()
                : Arrays.stream(url.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    @Override
    public String toString() {
        return "EventSettings[url=" + url + ", secret=" + (secret == null || secret.isBlank() ? "<unset>" : "<set>")
                + ", allowPrivateTargets=" + allowPrivateTargets + "]";
    }
}

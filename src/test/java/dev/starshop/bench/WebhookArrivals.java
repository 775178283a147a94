package dev.starshop.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes when each benchmark request reaches the engine's HTTP layer: the "webhook arrival" from
 * which issue 7 times a pre-checkout answer. Requests carry their own id in {@link #HEADER}; the
 * clock is this JVM's, the same one the in-process emulator stamps answers with.
 */
@ServerFilter(BenchEngine.WEBHOOK_PATH)
@Requires(property = WebhookArrivals.ENABLED, value = "true")
final class WebhookArrivals {

    static final String ENABLED = "starshop.bench.webhook-arrivals";
    static final String HEADER = "X-Bench-Id";

    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();

    @RequestFilter
    void arrived(HttpRequest<?> request) {
        String id = request.getHeaders().get(HEADER);
        if (id != null) {
            arrivedAt.put(id, System.nanoTime());
        }
    }

    /** System.nanoTime() of the arrival of the request with this id; fails if it never arrived. */
    long arrivedAt(String id) {
        Long at = arrivedAt.remove(id);
        if (at == null) {
            throw new IllegalStateException("No arrival noted for " + id);
        }
        return at;
    }
}

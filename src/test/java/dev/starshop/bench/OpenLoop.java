package dev.starshop.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends requests at a fixed rate whatever the answers do (an open loop, like Telegram delivering
 * queries from many buyers): a timer starts each send, nobody waits for an answer before the next.
 * Like Telegram, it keeps at most {@link #MAX_CONNECTIONS} requests open at once (the webhook's
 * default {@code max_connections}); a send that finds them all busy waits for one, and its latency
 * still counts from the moment it was due, so waiting is measured, not hidden. Each request says
 * when it is done — by default when its response arrives.
 */
final class OpenLoop {

    /** Telegram's default max_connections for a webhook (setWebhook). */
    static final int MAX_CONNECTIONS = 40;

    /** One request of the run and the moment it counts as done; {@code done} is called with the send time. */
    interface Exchange {
        HttpRequest request();

        /** Completes with System.nanoTime() of the moment the exchange is done. */
        CompletableFuture<Long> done(CompletableFuture<HttpResponse<String>> response);
    }

    private OpenLoop() {
    }

    static Latencies run(int perSecond, Duration duration, IntFunction<Exchange> exchanges) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int total = (int) (perSecond * duration.toMillis() / 1000);
        Latencies latencies = new Latencies();
        Semaphore open = new Semaphore(MAX_CONNECTIONS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<?>[] all = new CompletableFuture<?>[total];
        long periodNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int k = 0; k < total && failure.get() == null; k++) {
            long due = start + k * periodNanos;
            LockSupport.parkNanos(due - System.nanoTime());
            open.acquire();
            Exchange exchange = exchanges.apply(k);
            all[k] = exchange.done(http.sendAsync(exchange.request(), HttpResponse.BodyHandlers.ofString()))
                    .thenAccept(doneAt -> latencies.record(doneAt - due))
                    .exceptionally(e -> {
                        failure.compareAndSet(null, e);
                        return null;
                    })
                    .whenComplete((ignored, e) -> open.release());
        }
        CompletableFuture.allOf(Arrays.stream(all).filter(Objects::nonNull)
                .toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        if (failure.get() != null) {
            throw new IllegalStateException("An exchange failed", failure.get());
        }
        return latencies;
    }

    /** Done when the 200 response arrives; anything else fails the run. */
    static CompletableFuture<Long> whenAnswered(CompletableFuture<HttpResponse<String>> response) {
        return response.thenApply(r -> {
            long at = System.nanoTime();
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
            }
            return at;
        });
    }
}

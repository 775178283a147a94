package dev.starshop.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Sends requests at a fixed rate whatever the answers do (an open loop, like Telegram delivering
 * queries from many buyers): a timer starts each send, nobody waits for an answer before the next.
 * Each request says when it is done — by default when its response arrives.
 */
final class OpenLoop {

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
        AtomicInteger started = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<?>[] all = new CompletableFuture<?>[total];
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / perSecond;
        timer.scheduleAtFixedRate(() -> {
            int k = started.getAndIncrement();
            if (k >= total) {
                return;
            }
            Exchange exchange = exchanges.apply(k);
            long sent = System.nanoTime();
            all[k] = exchange.done(http.sendAsync(exchange.request(), HttpResponse.BodyHandlers.ofString()))
                    .thenAccept(doneAt -> latencies.record(doneAt - sent))
                    .exceptionally(e -> {
                        failure.compareAndSet(null, e);
                        return null;
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (started.get() < total) {
            Thread.sleep(50);
        }
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
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

package dev.starshop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts every body to the webhook over {@code connections} HTTP connections, each one posting,
 * waiting for the answer and posting the next (a closed loop, like Telegram's per-connection
 * delivery). Any answer but 200 fails the run: a benchmark that loses updates proves nothing.
 */
final class ClosedLoop {

    /** What a run measured: per-request latency and the wall time of the whole run. */
    record Result(Latencies latencies, long elapsedNanos, int requests) {
        double perSecond() {
            return requests / (elapsedNanos / 1e9);
        }
    }

    private ClosedLoop() {
    }

    static Result post(URI webhook, String secret, List<String> bodies, int connections) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Latencies latencies = new Latencies();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread client = new Thread(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < bodies.size()) {
                    HttpRequest request = HttpRequest.newBuilder(webhook)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("X-Telegram-Bot-Api-Secret-Token", secret)
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.record(System.nanoTime() - sent);
                        if (response.statusCode() != 200) {
                            failure.compareAndSet(null, "HTTP " + response.statusCode() + ": " + response.body());
                        }
                    } catch (IOException | InterruptedException e) {
                        failure.compareAndSet(null, e.toString());
                    }
                }
            }, "bench-client-" + c);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("The webhook refused an update: " + failure.get());
        }
        return new Result(latencies, elapsed, bodies.size());
    }
}

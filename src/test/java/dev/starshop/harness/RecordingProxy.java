package dev.starshop.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transparent HTTP hop between Telegram (the emulator) and the engine's webhook: it passes each
 * update on unchanged, passes the answer back unchanged, and writes down what the engine answered
 * to which update and when — the record the outage test judges the engine by.
 */
final class RecordingProxy implements AutoCloseable {

    private static final Pattern UPDATE_ID = Pattern.compile("\"update_id\"\\s*:\\s*(\\d+)");
    private static final Pattern KIND = Pattern.compile("\"(pre_checkout_query|successful_payment|shipping_query)\"");

    /** What the engine answered to one delivery of one update; times are System.nanoTime(). */
    record Exchange(long updateId, String kind, int status, String retryAfter, long sentNanos, long answeredNanos) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

    RecordingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 64);
        server.createContext("/", this::pass);
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/telegram/webhook");
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void pass(HttpExchange exchange) throws IOException {
        byte[] update = exchange.getRequestBody().readAllBytes();
        String text = new String(update, java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder onward = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(update));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase(WebhookDeliverer.SECRET_HEADER)) {
                values.forEach(value -> onward.header(name, value));
            }
        });
        long sent = System.nanoTime();
        int status;
        String retryAfter = null;
        byte[] body = new byte[0];
        try {
            HttpResponse<byte[]> answer = http.send(onward.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = answer.statusCode();
            body = answer.body();
            retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
            answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
        } catch (IOException | InterruptedException noAnswer) {
            status = 502;
        }
        exchanges.add(new Exchange(first(UPDATE_ID, text).map(Long::parseLong).orElse(-1L),
                first(KIND, text).orElse("other"), status, retryAfter, sent, System.nanoTime()));
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static java.util.Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

package dev.starshop.sandbox;

import io.micronaut.json.JsonMapper;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One webhook POST. Uses the JDK HTTP client and plain maps on purpose: the emulator must not
 * share HTTP client code or Telegram types with the engine it is testing. The client is built when
 * a webhook is registered (in the background) or by the first POST, not with the emulator: building
 * one sets up the JDK's TLS context (every security provider and the CA certificates), which cost
 * the engine's start 0.1-0.2 s of its main thread (docs/performance.md, "Start-up decisions").
 */
final class WebhookPoster {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Executor executor;
    private final Duration timeout;
    private final JsonMapper json;
    private volatile HttpClient http;

    WebhookPoster(Executor executor, Duration timeout, JsonMapper json) {
        this.executor = executor;
        this.timeout = timeout;
        this.json = json;
    }

    CompletableFuture<HttpResponse<String>> post(WebhookTarget target, Map<String, Object> update) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(update)));
        if (target.secretToken() != null) {
            request.header(SECRET_HEADER, target.secretToken());
        }
        return http().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Builds the client in the background, once a webhook is registered, so that the first update
     * does not wait for it (a pre-checkout query must be answered within its timeout).
     */
    void prepare() {
        executor.execute(this::http);
    }

    /** The client once built: every POST after the first reads one volatile field, without a lock. */
    private HttpClient http() {
        HttpClient built = http;
        return built != null ? built : build();
    }

    private synchronized HttpClient build() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).executor(executor).build();
        }
        return http;
    }

    private byte[] bytes(Map<String, Object> update) {
        try {
            return json.writeValueAsBytes(update);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Error texts shaped like the ones getWebhookInfo shows for real bots. */
    static String describe(HttpResponse<String> response, Throwable error) {
        if (response != null) {
            return "Wrong response from the webhook: " + response.statusCode();
        }
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "Read timeout expired";
        }
        if (cause instanceof ConnectException) {
            return "Connection refused";
        }
        return "Failed to connect: " + cause.getClass().getSimpleName();
    }

    /** A Retry-After header in seconds, honoured as the minimum delay before the next attempt. */
    static long retryAfterMillis(HttpResponse<String> response) {
        if (response == null) {
            return 0;
        }
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Math.max(0, Long.parseLong(value.trim())) * 1000;
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }
}

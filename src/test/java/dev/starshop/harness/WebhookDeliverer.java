package dev.starshop.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Telegram's side of the webhook, in the test: POSTs an update with the secret header and, like
 * Telegram, delivers it again until it gets a 2xx — after a connection failure, a timeout or any
 * non-2xx answer; the first retry at once, then a doubling pause, never shorter than the
 * {@code Retry-After} the engine asked for. It lives outside the engine so that it survives the
 * engine's death (the in-engine emulator dies with it). Every answer is recorded.
 */
final class WebhookDeliverer {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Status recorded when no HTTP answer came back (refused, reset, timed out). */
    static final int NO_ANSWER = 0;

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    /** One POST and what came back; times are System.nanoTime(). */
    record Answer(long updateId, int status, String retryAfter, long sentNanos, long answeredNanos) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final URI webhook;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    WebhookDeliverer(URI webhook, String secret) {
        this.webhook = webhook;
        this.secret = secret;
    }

    /** One attempt, recorded. */
    Answer postOnce(long updateId, String json) {
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header(SECRET_HEADER, secret)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long sent = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            answer = new Answer(updateId, response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), sent, System.nanoTime());
        } catch (IOException noAnswer) {
            answer = new Answer(updateId, NO_ANSWER, null, sent, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        answers.add(answer);
        return answer;
    }

    /** Delivers until acknowledged; false if {@code giveUpAfter} passed first (Telegram drops it after 24 h). */
    boolean deliver(long updateId, String json, Duration giveUpAfter) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        Duration pause = Duration.ZERO;
        while (true) {
            Answer answer = postOnce(updateId, json);
            if (answer.acknowledged()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(max(pause, retryAfter(answer)));
            pause = pause.isZero() ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
        }
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    private static Duration retryAfter(Answer answer) {
        if (answer.retryAfter() == null) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(answer.retryAfter().trim()));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

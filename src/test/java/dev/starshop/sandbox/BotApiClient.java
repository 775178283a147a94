package dev.starshop.sandbox;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Talks to the emulator over real HTTP the way a bot would, returning Telegram's envelope. */
final class BotApiClient {

    private final HttpClient client;
    private final String token;

    BotApiClient(HttpClient client, String token) {
        this.client = client;
        this.token = token;
    }

    Reply call(String method, Map<String, ?> params) {
        return send(HttpRequest.POST("/sandbox/bot" + token + "/" + method, params));
    }

    Reply callWithToken(String otherToken, String method, Map<String, ?> params) {
        return send(HttpRequest.POST("/sandbox/bot" + otherToken + "/" + method, params));
    }

    Reply form(String method, String body) {
        return send(HttpRequest.POST("/sandbox/bot" + token + "/" + method, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    /** A control API call; the answer body as plain JSON values. */
    Reply control(MutableHttpRequest<?> request) {
        return send(request);
    }

    @SuppressWarnings("unchecked")
    private Reply send(MutableHttpRequest<?> request) {
        try {
            HttpResponse<Object> response = client.toBlocking().exchange(request, Argument.OBJECT_ARGUMENT);
            return new Reply(response.code(), response.getBody().orElse(null));
        } catch (HttpClientResponseException e) {
            return new Reply(e.code(), e.getResponse().getBody(Argument.OBJECT_ARGUMENT).orElse(null));
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    record Reply(int status, Object body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body;
        }

        Object result() {
            return json().get("result");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> resultObject() {
            return (Map<String, Object>) result();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resultList() {
            return (List<Map<String, Object>>) result();
        }

        String description() {
            return (String) json().get("description");
        }
    }
}

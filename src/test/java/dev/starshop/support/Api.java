package dev.starshop.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;

/**
 * Calls the running engine over real HTTP and returns what the client would see, errors
 * included, so tests read as requests and answers.
 */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private final HttpClient client;

    public Api(HttpClient client) {
        this.client = client;
    }

    public Reply send(MutableHttpRequest<?> request) {
        try {
            HttpResponse<Object> response = client.toBlocking().exchange(request, Argument.OBJECT_ARGUMENT);
            return new Reply(response.code(), response.getBody().orElse(null), response);
        } catch (HttpClientResponseException e) {
            return new Reply(e.code(), e.getResponse().getBody(Argument.OBJECT_ARGUMENT).orElse(null),
                    e.getResponse());
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.GET(path));
    }

    public Reply admin(MutableHttpRequest<?> request) {
        return send(request.bearerAuth(ADMIN_TOKEN));
    }

    /** The status, the parsed JSON body (maps and lists) and the raw response. */
    public record Reply(int status, Object body, HttpResponse<?> response) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        /** The stable problem code of an error response. */
        public String code() {
            return body instanceof Map<?, ?> map ? (String) map.get("code") : null;
        }

        public String header(String name) {
            return response.getHeaders().get(name);
        }
    }
}

package dev.starshop.events;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * One POST of an event body to an endpoint. Redirects are not followed (a redirect is an answer,
 * and following it would let a receiver point the engine anywhere); connect and read are bounded.
 */
@Singleton
class WebhookTransport implements AutoCloseable {

    /** What came back: a status, or none (timeout, refused connection) with the reason. */
    record Outcome(Integer status, String error) {
        boolean accepted() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final EventSettings settings;
    private HttpClient client;

    WebhookTransport(EventSettings settings) {
        this.settings = settings;
    }

    Outcome post(String url, String body, String signature, String eventId, String type) {
        HttpRequest<String> request = HttpRequest.POST(url, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(EventSignature.HEADER, signature)
                .header("Starshop-Event-Id", eventId)
                .header("Starshop-Event-Type", type)
                .header("User-Agent", "Starshop-Events/1");
        try {
            HttpResponse<String> response = client().toBlocking().exchange(request, String.class);
            return new Outcome(response.code(), null);
        } catch (HttpClientResponseException e) {
            return new Outcome(e.code(), "HTTP " + e.code());
        } catch (ReadTimeoutException e) {
            return new Outcome(null, "no answer within " + settings.readTimeout().toSeconds() + " s");
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setConnectTimeout(settings.connectTimeout());
            configuration.setReadTimeout(settings.readTimeout());
            configuration.setFollowRedirects(false);
            client = HttpClient.create(null, configuration);
        }
        return client;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}

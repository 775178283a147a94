package dev.starshop.telegram.botapi;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.core.type.Argument;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * One HTTP POST of a JSON (or a written-out multipart) body, answering status and raw body whatever the status. Two clients:
 * getUpdates holds the connection open for its long-poll timeout, so it gets a longer read timeout
 * than everything else. Clients are created on first use so an engine that never calls Telegram
 * (tests, the sandbox before the server runs) does not start their event loops.
 */
@Singleton
class BotApiTransport implements AutoCloseable {

    private static final Argument<byte[]> BYTES = Argument.of(byte[].class);

    /** A response of any status. */
    record Raw(int status, byte[] body) {
    }

    /** The request did not produce a response; {@code timeout} tells the two cases apart. */
    static final class Failure extends Exception {
        final boolean timeout;

        Failure(boolean timeout, Throwable cause) {
            super(cause.getClass().getSimpleName(), cause, false, false);
            this.timeout = timeout;
        }
    }

    private final BotApiSettings settings;
    private HttpClient regular;
    private HttpClient longPoll;
    private java.net.http.HttpClient uploads;

    BotApiTransport(BotApiSettings settings) {
        this.settings = settings;
    }

    Raw post(String url, byte[] json, boolean longPolling) throws Failure {
        return send(HttpRequest.POST(url, json).contentType(MediaType.APPLICATION_JSON_TYPE), longPolling);
    }

    /**
     * A multipart body written out in full, so it carries its Content-Length. Sent with the JDK's
     * client: Micronaut's insists on building multipart bodies itself and may send them chunked.
     */
    Raw postMultipart(String url, byte[] body, String contentType) throws Failure {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.readTimeout())
                .header("Content-Type", contentType)
                .header("Accept", MediaType.APPLICATION_JSON)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            java.net.http.HttpResponse<byte[]> response = uploads().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new Failure(true, e);
        } catch (IOException e) {
            throw new Failure(false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(false, e);
        }
    }

    private synchronized java.net.http.HttpClient uploads() {
        if (uploads == null) {
            uploads = java.net.http.HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        }
        return uploads;
    }

    private Raw send(MutableHttpRequest<byte[]> post, boolean longPolling) throws Failure {
        HttpRequest<byte[]> request = post.accept(MediaType.APPLICATION_JSON_TYPE);
        try {
            HttpResponse<byte[]> response = client(longPolling).toBlocking().exchange(request, BYTES, BYTES);
            return new Raw(response.code(), response.getBody().orElse(new byte[0]));
        } catch (HttpClientResponseException e) {
            return new Raw(e.code(), e.getResponse().getBody(byte[].class).orElse(new byte[0]));
        } catch (ReadTimeoutException e) {
            throw new Failure(true, e);
        } catch (RuntimeException e) {
            throw new Failure(false, e);
        }
    }

    private synchronized HttpClient client(boolean longPolling) {
        if (longPolling) {
            if (longPoll == null) {
                longPoll = HttpClient.create(null, configuration(settings.longPollReadTimeout()));
            }
            return longPoll;
        }
        if (regular == null) {
            regular = HttpClient.create(null, configuration(settings.readTimeout()));
        }
        return regular;
    }

    private DefaultHttpClientConfiguration configuration(Duration readTimeout) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(settings.connectTimeout());
        configuration.setReadTimeout(readTimeout);
        return configuration;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (regular != null) {
            regular.close();
        }
        if (longPoll != null) {
            longPoll.close();
        }
    }
}

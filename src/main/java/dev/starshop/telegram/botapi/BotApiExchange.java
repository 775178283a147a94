package dev.starshop.telegram.botapi;

import dev.starshop.telegram.botapi.BotApiUnavailableException.Reason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * Sends one Bot API call: serialize, POST, read the envelope, retry per {@link RetryPolicy}, time
 * it. Logs and metric tags carry the method name, status and duration only: the URL holds the bot
 * token, so it never leaves this class except into the HTTP client.
 */
@Singleton
class BotApiExchange {

    static final String TIMER = "telegram.botapi.calls";
    private static final Logger LOG = LoggerFactory.getLogger(BotApiExchange.class);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final BotApiEndpoint endpoint;
    private final BotApiTransport transport;
    private final JsonMapper json;
    private final RetryPolicy retryPolicy;
    private final MeterRegistry meters;

    BotApiExchange(BotApiEndpoint endpoint, BotApiTransport transport, JsonMapper json, RetryPolicy retryPolicy,
                   MeterRegistry meters) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.json = json;
        this.retryPolicy = retryPolicy;
        this.meters = meters;
    }

    <R> R call(BotApiMethod<R> method, Object request) {
        byte[] body = request == null ? EMPTY_OBJECT : serialize(method, request);
        return repeat(method, url -> transport.post(url, body, method.longPoll()));
    }

    /** A multipart call (a file upload), retried by the same policy as a JSON one. */
    <R> R callMultipart(BotApiMethod<R> method, MultipartForm form) {
        String contentType = form.contentType();
        byte[] body = form.bytes();
        return repeat(method, url -> transport.postMultipart(url, body, contentType));
    }

    private <R> R repeat(BotApiMethod<R> method, Post post) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(method, post);
            } catch (BotApiException | BotApiUnavailableException failure) {
                Duration delay = retryPolicy.delayAfter(method, attempt, failure);
                if (delay == null) {
                    throw failure;
                }
                LOG.warn("Bot API {} attempt {} failed ({}); retrying in {} ms",
                        method.name(), attempt, failure.getMessage(), delay.toMillis());
                retryPolicy.sleep(delay);
            }
        }
    }

    /** One HTTP POST to the method's URL. */
    @FunctionalInterface
    private interface Post {
        BotApiTransport.Raw to(String url) throws BotApiTransport.Failure;
    }

    private <R> R attempt(BotApiMethod<R> method, Post post) {
        long start = System.nanoTime();
        String outcome = "unavailable";
        try {
            BotApiTransport.Raw raw = post.to(url(method));
            BotApiResponse envelope = read(method, raw);
            outcome = envelope.ok() ? "ok" : String.valueOf(envelope.errorCode());
            LOG.debug("Bot API {} -> HTTP {} in {} ms", method.name(), raw.status(), millisSince(start));
            if (!envelope.ok()) {
                throw new BotApiException(method.name(), envelope.errorCode(),
                        endpoint.redact(envelope.description()), envelope.parameters());
            }
            return method.resultType().getType() == RawUpdates.class ? rawResult(method, raw) : result(method, envelope);
        } catch (BotApiTransport.Failure failure) {
            LOG.debug("Bot API {} -> no response ({}) in {} ms",
                    method.name(), failure.getMessage(), millisSince(start));
            throw new BotApiUnavailableException(method.name(), failure.timeout ? Reason.TIMEOUT : Reason.CONNECTION,
                    redactedCopy(failure.getCause()));
        } finally {
            Timer.builder(TIMER).tag("method", method.name()).tag("outcome", outcome)
                    .register(meters).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private String url(BotApiMethod<?> method) {
        try {
            return endpoint.methodUrl(method.name());
        } catch (IllegalStateException sandboxServerNotRunning) {
            throw new BotApiUnavailableException(method.name(), Reason.NO_SERVER, null);
        }
    }

    private BotApiResponse read(BotApiMethod<?> method, BotApiTransport.Raw raw) {
        BotApiResponse envelope;
        try {
            envelope = method.resultType().getType() == RawUpdates.class
                    ? json.readValue(raw.body(), Argument.of(BotApiResponse.Status.class)).withoutResult()
                    : json.readValue(raw.body(), Argument.of(BotApiResponse.class));
        } catch (IOException | RuntimeException notJson) {
            envelope = null;
        }
        // Without "ok" and an error code this is not Telegram talking (a proxy page, an empty body).
        if (envelope == null || (!envelope.ok() && envelope.errorCode() == null)) {
            throw new BotApiUnavailableException(method.name(),
                    raw.status() >= 500 ? Reason.SERVER_ERROR : Reason.NOT_JSON, null);
        }
        return envelope;
    }

    private <R> R result(BotApiMethod<R> method, BotApiResponse envelope) {
        try {
            return envelope.result() == null ? null : json.readValueFromTree(envelope.result(), method.resultType());
        } catch (IOException | RuntimeException unexpectedShape) {
            throw new BotApiUnavailableException(method.name(), Reason.NOT_JSON, null);
        }
    }

    /** The result left as bytes: the envelope was read without it, and each update is cut out as sent. */
    @SuppressWarnings("unchecked")
    private <R> R rawResult(BotApiMethod<R> method, BotApiTransport.Raw raw) {
        try {
            return (R) RawUpdates.of(raw.body());
        } catch (IOException | RuntimeException unexpectedShape) {
            throw new BotApiUnavailableException(method.name(), Reason.NOT_JSON, null);
        }
    }

    private byte[] serialize(BotApiMethod<?> method, Object request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new BotApiRequestInvalidException(method.name(), "request could not be serialized");
        }
    }

    /** The HTTP stack's exception texts may contain the request URL, hence the token: copy them redacted. */
    private Throwable redactedCopy(Throwable original) {
        RuntimeException copy = new RuntimeException(
                original.getClass().getName() + ": " + endpoint.redact(String.valueOf(original.getMessage())));
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

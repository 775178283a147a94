package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Pre-checkout and shipping queries waiting for the bot's answer. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class Queries {

    static final String TOO_OLD = "query is too old and response timeout expired or query ID is invalid";

    /** The bot's answer; shippingOptions only for shipping queries. */
    record Answer(boolean ok, String errorMessage, List<Map<String, Object>> shippingOptions) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, CompletableFuture<Answer>> open = new ConcurrentHashMap<>();

    /** A fresh query id; Telegram's are long decimal strings. */
    String open() {
        String id = Long.toUnsignedString(random.nextLong() >>> 1);
        open.put(id, new CompletableFuture<>());
        return id;
    }

    /** The answer, or empty when none came in time; the query is closed either way. */
    Optional<Answer> await(String id, Duration timeout) {
        CompletableFuture<Answer> future = open.get(id);
        try {
            return Optional.of(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } finally {
            open.remove(id);
        }
    }

    /**
     * The answer to query {@code id} as it arrives, for a caller that reacts instead of waiting: the
     * future completes in the thread that received the answer, and the query is closed then.
     */
    CompletableFuture<Answer> answerOf(String id) {
        CompletableFuture<Answer> future = open.get(id);
        if (future == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("No open query " + id));
        }
        return future.whenComplete((answer, error) -> open.remove(id));
    }

    /** Like Telegram, an unknown, expired or already answered query is an error. */
    void answer(String id, Answer answer) {
        CompletableFuture<Answer> future = id == null ? null : open.get(id);
        if (future == null || !future.complete(answer)) {
            throw BotApiError.badRequest(TOO_OLD);
        }
    }

    void clear() {
        open.values().forEach(future -> future.cancel(false));
        open.clear();
    }
}

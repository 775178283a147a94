package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Misbehaviour on demand, so tests can prove the engine survives what Telegram really does.
 * Values beyond the limits below are refused ({@code sandbox-limit}) and change nothing: a delay of
 * hours or a thousand copies of every update would stall the engine rather than test it.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
public final class FaultKnobs {

    /** Longest delay any knob may add: answer, delivery, reorder window, held answer. */
    public static final long MAX_DELAY_MILLIS = 30_000;
    /**
     * Longest retry_after a rate limit may report, in seconds. Telegram's flood waits run to
     * minutes and more (the engine must cope with one it will not wait out), so an hour is allowed.
     */
    public static final int MAX_RETRY_AFTER_SECONDS = 3_600;
    public static final int MAX_DUPLICATE_DELIVERIES = 10;
    /** Most calls, answers or updates one knob may affect. */
    public static final int MAX_CALLS = 1_000;

    private record RateLimit(AtomicInteger calls, int retryAfter) {
    }

    private record HeldAnswers(AtomicInteger calls, long holdMillis) {
    }

    private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.NONE);
    private final AtomicInteger responsesToDrop = new AtomicInteger();
    private final Map<String, RateLimit> rateLimits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lostUpdates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
    private final Map<String, HeldAnswers> heldAnswers = new ConcurrentHashMap<>();

    public Faults current() {
        return faults.get().withDropResponses(responsesToDrop.get());
    }

    public void set(Faults value) {
        check("duplicateDeliveries", value.duplicateDeliveries(), 1, MAX_DUPLICATE_DELIVERIES);
        check("reorderWindowMillis", value.reorderWindowMillis(), 0, MAX_DELAY_MILLIS);
        check("dropResponses", value.dropResponses(), 0, MAX_CALLS);
        check("answerDelayMillis", value.answerDelayMillis(), 0, MAX_DELAY_MILLIS);
        check("deliveryDelayMillis", value.deliveryDelayMillis(), 0, MAX_DELAY_MILLIS);
        faults.set(value);
        responsesToDrop.set(value.dropResponses());
    }

    /** The next {@code calls} calls of {@code method} answer 429 with this retry_after. */
    public void rateLimit(String method, int calls, int retryAfterSeconds) {
        checkMethod(method);
        check("calls", calls, 0, MAX_CALLS);
        check("retryAfter", retryAfterSeconds, 1, MAX_RETRY_AFTER_SECONDS);
        rateLimits.put(method, new RateLimit(new AtomicInteger(calls), retryAfterSeconds));
    }

    /** Null when the call may proceed, else the retry_after to report. */
    Integer takeRateLimit(String method) {
        RateLimit limit = rateLimits.get(method);
        if (limit == null || limit.calls().getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return null;
        }
        return limit.retryAfter();
    }

    /**
     * The next {@code calls} calls of {@code method} answer 500 Internal Server Error without
     * being executed: nothing happened, so a repeat is safe.
     */
    public void serverErrors(String method, int calls) {
        checkMethod(method);
        check("calls", calls, 0, MAX_CALLS);
        serverErrors.put(method, new AtomicInteger(calls));
    }

    boolean takeServerError(String method) {
        return takeOne(serverErrors.get(method));
    }

    /**
     * The next {@code calls} calls of {@code method} are executed, then their answer is held for
     * {@code holdMillis}: a client with a shorter read timeout sees a timeout although the call
     * took effect (a refund made, a query answered).
     */
    public void holdAnswers(String method, int calls, long holdMillis) {
        checkMethod(method);
        check("calls", calls, 0, MAX_CALLS);
        check("holdMillis", holdMillis, 0, MAX_DELAY_MILLIS);
        heldAnswers.put(method, new HeldAnswers(new AtomicInteger(calls), holdMillis));
    }

    /** How long to hold this call's answer; 0 for no hold. */
    long takeHold(String method) {
        HeldAnswers held = heldAnswers.get(method);
        return held != null && takeOne(held.calls()) ? held.holdMillis() : 0;
    }

    /**
     * The next {@code count} service messages carrying {@code field} (successful_payment,
     * refunded_payment) reach the chat but never become updates: an update Telegram lost, which
     * only reconciliation can find.
     */
    public void loseUpdates(String field, int count) {
        checkMethod(field);
        check("count", count, 0, MAX_CALLS);
        lostUpdates.put(field, new AtomicInteger(count));
    }

    boolean takeLostUpdate(String field) {
        return takeOne(lostUpdates.get(field));
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw ControlBody.limit(name + ": must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void checkMethod(String name) {
        if (name == null || name.isBlank()) {
            throw ControlBody.malformed("method: required");
        }
    }

    private static boolean takeOne(AtomicInteger left) {
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** True when this 2xx webhook answer must be treated as lost. */
    boolean takeDroppedResponse() {
        return responsesToDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    public void reset() {
        set(Faults.NONE);
        rateLimits.clear();
        lostUpdates.clear();
        serverErrors.clear();
        heldAnswers.clear();
    }
}

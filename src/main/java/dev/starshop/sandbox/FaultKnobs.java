package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Misbehaviour on demand, so tests can prove the engine survives what Telegram really does. */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
public final class FaultKnobs {

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
        faults.set(value);
        responsesToDrop.set(value.dropResponses());
    }

    /** The next {@code calls} calls of {@code method} answer 429 with this retry_after. */
    public void rateLimit(String method, int calls, int retryAfterSeconds) {
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
        lostUpdates.put(field, new AtomicInteger(count));
    }

    boolean takeLostUpdate(String field) {
        return takeOne(lostUpdates.get(field));
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

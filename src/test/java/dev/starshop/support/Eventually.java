package dev.starshop.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something another thread or process does (a webhook delivery, a poller, an outbox).
 * It only bounds how long a test waits; no assertion depends on how fast it happened.
 */
public final class Eventually {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** The first value the probe finds within {@link #PATIENCE}. */
    public static <T> T value(Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            pause();
        }
        throw new AssertionError("not seen within " + PATIENCE.toSeconds() + " s");
    }

    public static void until(BooleanSupplier condition) {
        value(() -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** True if the condition holds at any moment within {@code window}. */
    public static boolean happensWithin(BooleanSupplier condition, Duration window) {
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause();
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

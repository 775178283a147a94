package dev.starshop.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for server truth that arrives asynchronously (webhook delivery after the sheet closed). */
final class HostFixtureWait {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private HostFixtureWait() {
    }

    static void until(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(LIMIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + LIMIT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}

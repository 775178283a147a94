package dev.starshop.telegram.polling;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two engines on one database, both asked to poll: one leads, the other takes over when it stops. */
class PollingLeadershipTest {

    private static final Map<String, Object> POLLING = Map.of(
            "starshop.telegram.bot-token", "4242:polling-leadership-test-token-aaaaaaaaaa",
            "starshop.telegram.api-url", "http://127.0.0.1:9",
            "starshop.telegram.setup", false,
            "micronaut.server.port", -1);

    @Test
    void exactlyOneEnginePollsAndTheOtherTakesOver() {
        EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, POLLING, "test");
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, POLLING, "test")) {
            UpdatePoller firstPoller = first.getApplicationContext().getBean(UpdatePoller.class);
            UpdatePoller secondPoller = second.getApplicationContext().getBean(UpdatePoller.class);
            firstPoller.start();
            waitFor(firstPoller::isLeader);
            secondPoller.start();

            assertTrue(firstPoller.isLeader());
            assertFalse(becomesTrueWithin(secondPoller::isLeader, Duration.ofSeconds(2)),
                    "the second engine must stand by");

            first.close();
            waitFor(secondPoller::isLeader);
        } finally {
            first.close();
        }
    }

    private static void waitFor(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not reached within 20 s");
            }
            sleep(50);
        }
    }

    private static boolean becomesTrueWithin(BooleanSupplier condition, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(50);
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

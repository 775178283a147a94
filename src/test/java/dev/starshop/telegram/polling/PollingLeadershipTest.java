package dev.starshop.telegram.polling;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import dev.starshop.support.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

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
            Eventually.until(firstPoller::isLeader);
            secondPoller.start();

            assertTrue(firstPoller.isLeader());
            assertFalse(Eventually.happensWithin(secondPoller::isLeader, Duration.ofSeconds(2)),
                    "the second engine must stand by");

            first.close();
            Eventually.until(secondPoller::isLeader);
        } finally {
            first.close();
        }
    }
}

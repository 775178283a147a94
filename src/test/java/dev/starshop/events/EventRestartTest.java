package dev.starshop.events;

import dev.starshop.support.EventReceiverServer;
import dev.starshop.support.Eventually;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event committed by an engine that stops before its sender runs is delivered by the next engine
 * on the same database: the outbox row survives. (A kill -9 between commit and send leaves the same
 * row behind; the harness's CrashIT kills engines for payments.)
 */
class EventRestartTest {

    private static final String SECRET = "whsec_restart";

    @Test
    void anEventCommittedBeforeAStopIsDeliveredAfterTheRestart() {
        try (EventReceiverServer receiver = EventReceiverServer.start(SECRET)) {
            UUID eventId;
            try (EmbeddedServer first = engine(receiver, "1h")) {
                ShopEvents events = first.getApplicationContext().getBean(ShopEvents.class);
                TransactionOperations<Connection> transactions = first.getApplicationContext()
                        .getBean(TransactionOperations.class);
                eventId = transactions.executeWrite(status -> events.publish(EventType.ORDER_PAID, "restart-order",
                        Map.of("note", "committed before the stop")));
            }
            assertTrue(receiver.wire().isEmpty(), "nothing was sent before the stop");

            try (EmbeddedServer second = engine(receiver, "200ms")) {
                String body = Eventually.value(() -> java.util.Optional.ofNullable(receiver.accepted()
                        .get(eventId.toString())));
                assertTrue(body.contains("committed before the stop"), body);
                assertEquals(1, receiver.wire().stream().filter(a -> a.eventId().equals(eventId.toString())).count());
            }
        }
    }

    private static EmbeddedServer engine(EventReceiverServer receiver, String interval) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "starshop.events.url", receiver.url(), "starshop.events.secret", SECRET,
                "starshop.events.allow-private-targets", true, "starshop.events.interval", interval), "test");
    }
}

package dev.starshop.harness;

import dev.starshop.support.EngineProcess;
import dev.starshop.support.EventReceiverServer;
import dev.starshop.support.StandalonePostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's crash: {@code kill -9} after a payment's commit and before its event reached the
 * integrator. The engine jar runs in sandbox mode with {@code STARSHOP_EVENTS_URL} pointing at a
 * receiver that outlives it and answers 500 to everything while the first engine runs. The payment
 * commits, {@code order.paid} is refused, the engine is killed with SIGKILL; a second engine on the
 * same database sends it again, signed, and the receiver's log of accepted events holds it once.
 */
class EventCrashIT {

    private static final String SECRET = "whsec_event-crash-it";

    @TempDir
    Path dataDir;

    @Test
    void killedAfterThePaymentCommittedItsOrderPaidEventArrivesOnceAfterRestart() throws Exception {
        try (StandalonePostgres database = StandalonePostgres.startDurable(dataDir);
             EventReceiverServer receiver = EventReceiverServer.start(SECRET)) {
            receiver.refuseAll(500);
            Map<String, String> environment = new HashMap<>(database.engineEnvironment());
            environment.putAll(EngineProcess.UNLIMITED_BUYERS);
            environment.put("MICRONAUT_SERVER_PORT", Integer.toString(EngineProcess.freePort()));
            environment.put("STARSHOP_EVENTS_URL", receiver.url());
            environment.put("STARSHOP_EVENTS_SECRET", SECRET);
            environment.put("STARSHOP_EVENTS_ALLOW_PRIVATE_TARGETS", "true");
            environment.put("STARSHOP_EVENTS_INTERVAL", "300ms");
            environment.put("STARSHOP_RECONCILIATION_ENABLED", "false");
            EngineProcess.Launch launch = EngineProcess.Launch.named("event-crash-before").withEnvironment(environment);
            EngineProcess before = EngineProcess.start(launch);
            EngineProcess after = null;
            try {
                before.awaitHealthy(Duration.ofSeconds(90));
                SandboxShop shop = new SandboxShop(before.baseUrl(), EngineProcess.ADMIN_TOKEN);
                PayableOrder order = shop.orders(shop.product(), shop.buyers(960_001, 1), 1).get(0);
                shop.pay(order);
                String orderId = order.id().toString();
                awaitUntil(() -> refusedPaidEvents(receiver, orderId) >= 1);

                before.kill();
                int refusedBeforeKill = refusedPaidEvents(receiver, orderId);
                receiver.acceptAgain();
                after = EngineProcess.start(new EngineProcess.Launch("event-crash-after", launch.javaHome(),
                        launch.environment(), launch.jvmOptions()));
                after.awaitHealthy(Duration.ofSeconds(90));

                Books books = new Books(database::connect);
                String onThisEndpoint = "FROM event_deliveries d JOIN event_endpoints e ON e.id = d.endpoint_id"
                        + " WHERE e.url = '" + receiver.url() + "' AND d.type = 'order.paid' AND d.ordering_key = '"
                        + orderId + "'";
                awaitUntil(() -> acceptedPaidEvents(receiver, orderId).size() == 1
                        && books.count("SELECT count(*) " + onThisEndpoint + " AND d.status = 'DELIVERED'") == 1);
                List<String> accepted = acceptedPaidEvents(receiver, orderId);
                assertEquals(1, accepted.size(), "order.paid accepted once: " + receiver.accepted().keySet());
                assertTrue(accepted.get(0).contains("\"status\":\"PAID\""), accepted.get(0));
                List<EventReceiverServer.Arrival> paid = paidArrivals(receiver, orderId);
                assertEquals(1, paid.stream().map(EventReceiverServer.Arrival::eventId).distinct().count(),
                        "every attempt carries the same event id: " + paid);
                EventReceiverServer.Arrival delivered = paid.stream().filter(a -> a.answered() == 200).findFirst()
                        .orElseThrow();
                assertTrue(receiver.verified(delivered.signature(), delivered.body()), "signature valid");
                assertEquals(1, books.count("SELECT count(*) " + onThisEndpoint), "one outbox row on the endpoint");
                System.out.printf("EventCrashIT: %d refused before the kill, %d attempts in all%n",
                        refusedBeforeKill, paid.size());
            } finally {
                before.close();
                if (after != null) {
                    after.close();
                }
            }
        }
    }

    private static List<EventReceiverServer.Arrival> paidArrivals(EventReceiverServer receiver, String orderId) {
        return receiver.wire().stream()
                .filter(a -> "order.paid".equals(a.type()) && a.body().contains(orderId)).toList();
    }

    private static int refusedPaidEvents(EventReceiverServer receiver, String orderId) {
        return (int) paidArrivals(receiver, orderId).stream().filter(a -> a.answered() == 500).count();
    }

    private static List<String> acceptedPaidEvents(EventReceiverServer receiver, String orderId) {
        return receiver.accepted().values().stream()
                .filter(body -> body.contains("\"type\":\"order.paid\"") && body.contains(orderId)).toList();
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not seen within 90 s");
            Thread.sleep(200);
        }
    }
}

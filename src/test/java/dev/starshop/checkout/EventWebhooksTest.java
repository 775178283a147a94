package dev.starshop.checkout;

import dev.starshop.events.EventSignature;
import dev.starshop.events.OperatorSettings;
import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxUser;
import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.ShopFixture;
import dev.starshop.support.EventReceiverServer;
import dev.starshop.support.Eventually;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.starshop.checkout.CheckoutFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed events over real HTTP to a receiver written from docs/events.md, after a Stars payment
 * through the emulator: delivered once, retried after a 500, managed and tested from the admin API,
 * and the sale told in the sandbox's operator group.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.events.interval", value = "200ms")
@Property(name = "starshop.events.allow-private-targets", value = "true")
@Property(name = "starshop.events.secret", value = EventWebhooksTest.SECRET)
@Property(name = "starshop.operator.muted", value = "")
@Property(name = "starshop.operator.interval", value = "200ms")
@Property(name = "starshop.checkout.subscription-expiry-interval", value = "200ms")
class EventWebhooksTest extends ThroughTelegramTestBase implements TestPropertyProvider {

    static final String SECRET = "whsec_events_test";
    private static final EventReceiverServer RECEIVER = EventReceiverServer.start(SECRET);

    @Inject
    JsonMapper json;

    @Inject
    EmbeddedServer server;

    @Inject
    javax.sql.DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("starshop.events.url", RECEIVER.url());
    }

    @AfterAll
    void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aStarsPaymentIsDeliveredAsOrderPaidOnceSignedAndToldInTheOperatorChat() throws IOException {
        Map<String, Object> order = payForAnOrder();
        String orderId = (String) order.get("id");

        String body = awaitAccepted("order.paid", orderId);
        Map<String, Object> event = json.readValue(body, Map.class);
        Map<String, Object> data = (Map<String, Object>) event.get("data");
        assertEquals("order.paid", event.get("type"));
        assertEquals(orderId, ((Map<?, ?>) data.get("order")).get("id"));
        assertEquals("PAID", ((Map<?, ?>) data.get("order")).get("status"));
        assertEquals((long) ALICE, ((Number) ((Map<?, ?>) data.get("buyer")).get("id")).longValue());
        assertTrue(event.get("createdAt") instanceof String && event.get("id") instanceof String, body);
        List<EventReceiverServer.Arrival> arrivals = RECEIVER.wire().stream()
                .filter(a -> a.eventId().equals(event.get("id"))).toList();
        assertEquals(1, arrivals.size(), "exactly once on the wire: " + arrivals);
        assertTrue(RECEIVER.verified(arrivals.get(0).signature(), arrivals.get(0).body()));

        String shortId = "#" + orderId.substring(0, 8);
        Eventually.value(() -> telegram.messages(OperatorSettings.SANDBOX_CHAT_ID).stream()
                .map(m -> String.valueOf(m.get("text"))).filter(t -> t.contains(shortId)).findFirst());
    }

    @Test
    void aReceiverAnswering500IsRetriedAndTheEventAcceptedOnce() {
        RECEIVER.answerNext(500);
        Map<String, Object> order = payForAnOrder();
        String orderId = (String) order.get("id");

        awaitAccepted("order.paid", orderId);

        List<EventReceiverServer.Arrival> arrivals = RECEIVER.wire().stream()
                .filter(a -> a.body().contains(orderId) && "order.paid".equals(a.type())).toList();
        assertEquals(List.of(500, 200), arrivals.stream().map(EventReceiverServer.Arrival::answered).toList());
        assertEquals(arrivals.get(0).eventId(), arrivals.get(1).eventId(), "the same event, sent again");
        Map<String, Object> delivery = deliveryOf(arrivals.get(0).eventId());
        assertEquals("DELIVERED", delivery.get("status"));
        assertEquals(2, ((Number) delivery.get("attempts")).intValue());
    }

    @Test
    void badEndpointUrlsAreRefusedAndANewEndpointGetsItsOwnSecretAndATestEvent() {
        for (String bad : List.of("ftp://example.com/hook", "http://169.254.169.254/latest",
                "http://localhost:" + server.getPort() + "/api/catalog", "https://no-such-host.invalid/x", "nonsense")) {
            Api.Reply refused = api.admin(HttpRequest.POST("/api/admin/event-endpoints", Map.of("url", bad)));
            assertEquals(422, refused.status(), bad + ": " + refused.body());
            assertEquals("invalid-event-endpoint", refused.code(), bad);
        }
        try (EventReceiverServer second = EventReceiverServer.start("unknown-yet")) {
            Api.Reply created = api.admin(HttpRequest.POST("/api/admin/event-endpoints", Map.of("url", second.url())));
            assertEquals(201, created.status(), () -> String.valueOf(created.body()));
            String secret = (String) created.json().get("secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            Object id = created.json().get("id");
            List<Map<String, Object>> listed = api.admin(HttpRequest.GET("/api/admin/event-endpoints")).list();
            assertTrue(listed.stream().filter(e -> id.equals(e.get("id"))).allMatch(e -> e.get("secret") == null),
                    "the secret is shown once");

            Api.Reply test = api.admin(HttpRequest.POST("/api/admin/event-endpoints/" + id + "/test", ""));
            assertEquals(202, test.status(), () -> String.valueOf(test.body()));
            EventReceiverServer.Arrival arrival = Eventually.value(() -> second.wire().stream()
                    .filter(a -> "event.test".equals(a.type())).findFirst());
            assertTrue(EventSignature.verify(secret, arrival.signature(), arrival.body(),
                    System.currentTimeMillis() / 1000, 300), "signed with the new endpoint's own secret");

            Api.Reply resent = api.admin(HttpRequest.POST("/api/admin/event-deliveries/" + test.json().get("id")
                    + "/resend", ""));
            assertEquals(202, resent.status());
            Eventually.until(() -> second.wire().stream().filter(a -> arrival.eventId().equals(a.eventId())).count() == 2);
            api.admin(HttpRequest.DELETE("/api/admin/event-endpoints/" + id));
        }
    }

    @Test
    void theSandboxReceiverShowsSignedEventsAndRefusesAForgedOne() {
        Map<String, Object> order = payForAnOrder();
        String orderId = (String) order.get("id");
        Eventually.until(() -> received().stream().anyMatch(e -> String.valueOf(e.get("body")).contains(orderId)
                && Boolean.TRUE.equals(e.get("signatureValid"))));

        Api.Reply forged = api.send(HttpRequest.POST("/sandbox/events/receive",
                "{\"id\":\"forged\",\"type\":\"order.paid\",\"createdAt\":\"2026-12-05T00:00:00Z\",\"data\":{}}")
                .header("Starshop-Signature", "t=" + System.currentTimeMillis() / 1000 + ",v1=00ff")
                .header("Content-Type", "application/json"));

        assertEquals(400, forged.status());
        assertTrue(received().stream().anyMatch(e -> String.valueOf(e.get("body")).contains("\"forged\"")
                && Boolean.FALSE.equals(e.get("signatureValid"))));
    }

    @Test
    void aSubscriptionIsAnnouncedWhenItStartsAndOnceWhenItLapses() {
        long buyerId = 200_000 + new java.util.Random().nextInt(700_000);
        telegram.createUser(new SandboxUser(buyerId, "Sub", "sub" + buyerId, "en", 1_000));
        String buyer = shop.buyer(buyerId, "en");
        String sku = ShopFixture.product("club").title("Events club").kind("SUBSCRIPTION").price("XTR", 90).create(api);
        Map<String, Object> order = shop.order(buyer, "XTR", sku, 1);
        assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(buyerId)).isPaid());
        String orderId = (String) order.get("id");

        String started = awaitAccepted("subscription.started", orderId);
        assertTrue(started.contains("\"status\":\"ACTIVE\""), started);
        new Db(dataSource).update("UPDATE subscriptions SET expires_at = now() - interval '1 second' "
                + "WHERE first_order_id = ?::uuid", orderId);

        String expired = awaitAccepted("subscription.expired", orderId);
        assertTrue(expired.contains("\"status\":\"EXPIRED\""), expired);
        List<String> types = RECEIVER.wire().stream().filter(a -> a.body().contains(orderId))
                .map(EventReceiverServer.Arrival::type).toList();
        assertEquals(List.of("order.paid", "subscription.started", "subscription.expired"), types,
                "in order, each once");
    }

    private List<Map<String, Object>> received() {
        return api.send(HttpRequest.GET("/sandbox/api/events")).list();
    }

    private Map<String, Object> payForAnOrder() {
        String sku = shop.product("DIGITAL", null, 40, 250);
        String alice = shop.buyer(ALICE, "en");
        Map<String, Object> order = shop.order(alice, "XTR", sku, 1);
        PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));
        assertTrue(outcome.isPaid(), outcome.toString());
        return order;
    }

    private String awaitAccepted(String type, String orderId) {
        return Eventually.value(() -> RECEIVER.accepted().values().stream()
                .filter(body -> body.contains("\"type\":\"" + type + "\"") && body.contains(orderId)).findFirst());
    }

    private Map<String, Object> deliveryOf(String eventId) {
        return Eventually.value(() -> api.admin(HttpRequest.GET("/api/admin/event-deliveries")).list().stream()
                .filter(d -> eventId.equals(d.get("eventId")) && d.get("url").equals(RECEIVER.url())).findFirst());
    }
}

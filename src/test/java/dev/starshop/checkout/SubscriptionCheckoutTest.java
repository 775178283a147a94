package dev.starshop.checkout;

import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxUser;
import dev.starshop.support.Api;
import dev.starshop.support.ShopFixture;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.starshop.checkout.CheckoutFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Stars subscription: first payment, a renewal as its own paid order, cancel and re-enable. */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class SubscriptionCheckoutTest extends ThroughTelegramTestBase {

    /** A buyer of their own: the database is shared with other test classes' orders. */
    @Test
    void aSubscriptionRenewsAsItsOwnPaidOrderAndCanBeCancelledAndReenabled() {
        long buyerId = 200_000 + new java.util.Random().nextInt(700_000);
        telegram.createUser(new SandboxUser(buyerId, "Sub", "sub" + buyerId, "en", 1_000));
        String alice = shop.buyer(buyerId, "en");
        Map<String, Object> order = shop.order(alice, "XTR", subscriptionProduct(), 1);
        PayOutcome first = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(buyerId));
        assertTrue(first.isPaid(), first.toString());
        shop.awaitStatus(alice, order.get("id"), "PAID");
        Map<String, Object> subscription = CheckoutFixture.eventually(() -> mine(alice).stream().findFirst());
        assertEquals("ACTIVE", subscription.get("status"));
        assertEquals(List.of(90, "90", "90 \u2B50"), List.of(subscription.get("amount"), subscription.get("decimal"),
                subscription.get("display")));
        assertEquals("90 \u2B50", api.admin(HttpRequest.GET("/api/admin/subscriptions")).list().stream()
                .filter(s -> subscription.get("id").equals(s.get("id"))).findFirst().orElseThrow().get("display"));
        Instant firstExpiry = Instant.parse((String) subscription.get("expiresAt"));

        assertTrue(telegram.renewSubscription(first.telegramPaymentChargeId()).isPaid());

        List<Map<String, Object>> orders = CheckoutFixture.eventually(() -> Optional.of(ordersOf(alice))
                .filter(list -> list.size() == 2));
        assertEquals(List.of("PAID", "PAID"), orders.stream().map(o -> o.get("status")).toList());
        Object renewalId = orders.get(0).get("id");
        assertEquals("RENEWAL", shop.ledgerFor(renewalId).get(0).get("kind"));
        assertTrue(!Instant.parse((String) mine(alice).get(0).get("expiresAt")).isBefore(firstExpiry));

        assertEquals("CANCELLED", post(alice, "/api/subscriptions/" + subscription.get("id") + "/cancel")
                .get("status"));
        assertEquals("failed", telegram.renewSubscription(first.telegramPaymentChargeId()).status());
        assertEquals("ACTIVE", post(alice, "/api/subscriptions/" + subscription.get("id") + "/reenable")
                .get("status"));
    }

    @Test
    void aBuyerCannotTouchSomeoneElsesSubscription() {
        Api.Reply reply = api.send(HttpRequest.POST("/api/subscriptions/" + UUID.randomUUID() + "/cancel", "")
                .header("Authorization", shop.buyer(ALICE, "en")));
        assertEquals(404, reply.status());
    }

    private String subscriptionProduct() {
        return ShopFixture.product("club").title("Test club").description("Monthly perks.").kind("SUBSCRIPTION")
                .price("XTR", 90).create(api);
    }

    private List<Map<String, Object>> mine(String buyer) {
        return api.send(HttpRequest.GET("/api/subscriptions").header("Authorization", buyer)).list();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> ordersOf(String buyer) {
        return (List<Map<String, Object>>) api.send(HttpRequest.GET("/api/orders").header("Authorization", buyer))
                .json().get("orders");
    }

    private Map<String, Object> post(String buyer, String path) {
        Api.Reply reply = api.send(HttpRequest.POST(path, "").header("Authorization", buyer));
        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        return reply.json();
    }
}

package dev.starshop.order;

import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class OrderApiTest extends OrderTestBase {

    @Test
    void anOrderIsPricedFromTheCatalogAndReservesStock() {
        String gadget = fixtures.product(5);
        String buyer = fixtures.newBuyer();

        Api.Reply placed = fixtures.place(buyer, "USD", Map.of(gadget, 2));

        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        Map<String, Object> order = placed.json();
        assertEquals("PENDING_PAYMENT", order.get("status"));
        assertEquals("USD", order.get("currency"));
        assertEquals(500, order.get("totalAmount"));
        assertEquals("5.00 USD", order.get("totalDisplay"));
        assertTrue(order.containsKey("invoiceLink"));
        assertTrue(String.valueOf(order.get("invoiceLink")).startsWith("https://t.me/$"), "an invoice to open");
        assertEquals(3, fixtures.stockOf(gadget));
        Map<?, ?> line = (Map<?, ?>) ((List<?>) order.get("lines")).get(0);
        assertEquals(250, line.get("unitAmount"));
        assertEquals(2, line.get("quantity"));
    }

    @Test
    void thePlacedOrderIsAnsweredAsItIsStored() {
        String gadget = fixtures.product(5);
        String buyer = fixtures.newBuyer();

        Map<String, Object> placed = fixtures.place(buyer, "XTR", Map.of(gadget, 2)).json();
        Api.Reply stored = api.send(HttpRequest.GET("/api/orders/" + placed.get("id")).header("Authorization", buyer));

        // The 201 is built from the row the link's UPDATE returned, not read again: same fields,
        // same timestamps (as PostgreSQL keeps them), same lines.
        assertEquals(200, stored.status(), () -> String.valueOf(stored.body()));
        assertEquals(stored.json(), placed);
    }

    @Test
    void amountsSentByTheClientAreIgnored() {
        String gadget = fixtures.product(null);
        Map<String, Object> body = Map.of("currency", "XTR", "totalAmount", 1,
                "items", List.of(Map.of("sku", gadget, "quantity", 3, "unitAmount", 1)));

        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", body)
                .header("Authorization", fixtures.newBuyer()));

        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        assertEquals(300, placed.json().get("totalAmount"));
    }

    @Test
    void buyersSeeOnlyTheirOwnOrders() {
        String gadget = fixtures.product(null);
        String alice = fixtures.newBuyer();
        String bob = fixtures.newBuyer();
        String aliceOrder = (String) fixtures.place(alice, "XTR", Map.of(gadget, 1)).json().get("id");

        assertEquals(200, api.send(HttpRequest.GET("/api/orders/" + aliceOrder).header("Authorization", alice))
                .status());
        Api.Reply bobLooks = api.send(HttpRequest.GET("/api/orders/" + aliceOrder).header("Authorization", bob));
        assertEquals(404, bobLooks.status());
        assertEquals("not-found", bobLooks.code());
        assertEquals(List.of(aliceOrder), fixtures.ordersOf(alice).stream().map(o -> o.get("id")).toList());
        assertTrue(fixtures.ordersOf(bob).isEmpty());
    }

    @Test
    void aBuyerCanCancelAnUnpaidOrderAndTheStockComesBack() {
        String gadget = fixtures.product(4);
        String buyer = fixtures.newBuyer();
        String id = (String) fixtures.place(buyer, "XTR", Map.of(gadget, 3)).json().get("id");

        Api.Reply cancelled = api.send(HttpRequest.POST("/api/orders/" + id + "/cancel", "")
                .header("Authorization", buyer));

        assertEquals("CANCELLED", cancelled.json().get("status"));
        assertEquals(4, fixtures.stockOf(gadget));
        Api.Reply again = api.send(HttpRequest.POST("/api/orders/" + id + "/cancel", "")
                .header("Authorization", buyer));
        assertEquals(409, again.status());
        assertTrue(String.valueOf(again.json().get("detail")).contains("is CANCELLED"));
        assertEquals(4, fixtures.stockOf(gadget), "stock is released once");
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        String gadget = fixtures.product(5);
        String starsOnly = fixtures.product(5);
        String buyer = fixtures.newBuyer();
        Map<String, Integer> one = Map.of(gadget, 1);

        assertRefused(fixtures.place(buyer, "XTR", Map.of("no-such-sku", 1)), 422, "unknown-sku");
        assertRefused(fixtures.place(buyer, "XTR", Map.of(gadget, 0)), 422, "invalid-quantity");
        assertRefused(fixtures.place(buyer, "XTR", Map.of(gadget, 1_000_000_000)), 422, "invalid-quantity");
        assertRefused(fixtures.place(buyer, "EUR", one), 422, "unsupported-currency");
        assertRefused(fixtures.place(buyer, "ZZZ", one), 422, "unsupported-currency");
        assertRefused(fixtures.place(buyer, "XTR", Map.of(gadget, 99, starsOnly, 99)), 422, "amount-out-of-range");
        assertRefused(api.send(HttpRequest.POST("/api/orders", "{\"items\": [").contentType("application/json")
                .header("Authorization", buyer)), 400, "malformed-request");
        assertRefused(api.send(HttpRequest.POST("/api/orders", Map.of("items", List.of(), "currency", "XTR"))
                .header("Authorization", buyer)), 422, "invalid-request");
        assertRefused(api.send(HttpRequest.POST("/api/orders", "{\"pad\": \"" + "x".repeat(70_000) + "\"}")
                .contentType("application/json").header("Authorization", buyer)), 413, "payload-too-large");

        assertTrue(fixtures.ordersOf(buyer).isEmpty(), "no order was written");
        assertEquals(5, fixtures.stockOf(gadget), "no stock was reserved");
        assertEquals(5, fixtures.stockOf(starsOnly), "no stock was reserved");
    }

    @Test
    void withoutValidInitDataNothingHappens() {
        String gadget = fixtures.product(5);
        InitDataSigner stale = InitDataSigner.forToken(bot.token())
                .authDate(Instant.now().minus(Duration.ofHours(25)));
        InitDataSigner forged = InitDataSigner.forToken("123:not-our-bot");

        assertRefused(api.send(HttpRequest.POST("/api/orders", Map.of("currency", "XTR",
                "items", List.of(Map.of("sku", gadget, "quantity", 1))))), 401, "invalid-init-data");
        assertRefused(fixtures.place(stale.header(77, "late", "en"), "XTR", Map.of(gadget, 1)), 401,
                "invalid-init-data");
        assertRefused(fixtures.place(forged.header(78, "mallory", "en"), "XTR", Map.of(gadget, 1)), 401,
                "invalid-init-data");
        assertRefused(api.send(HttpRequest.GET("/api/orders")), 401, "invalid-init-data");
        assertEquals(5, fixtures.stockOf(gadget));
    }

    @Test
    void aSubscriptionIsBoughtAloneInStars() {
        String gadget = fixtures.product(null);
        String buyer = fixtures.newBuyer();
        Map<String, Integer> withGadget = new LinkedHashMap<>();
        withGadget.put("club-monthly", 1);
        withGadget.put(gadget, 1);

        assertRefused(fixtures.place(buyer, "XTR", withGadget), 422, "invalid-request");
        assertRefused(fixtures.place(buyer, "XTR", Map.of("club-monthly", 2)), 422, "invalid-request");
        assertRefused(fixtures.place(buyer, "USD", Map.of("club-monthly", 1)), 422, "unsupported-currency");
        assertEquals(201, fixtures.place(buyer, "XTR", Map.of("club-monthly", 1)).status());
    }

    private static void assertRefused(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), () -> String.valueOf(reply.body()));
        assertEquals(code, reply.code(), () -> String.valueOf(reply.body()));
    }
}

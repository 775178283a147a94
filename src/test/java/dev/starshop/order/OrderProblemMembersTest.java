package dev.starshop.order;

import dev.starshop.support.Api;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The values a client acts on travel as problem extension members (RFC 9457 §3.2), read here off
 * the wire: the order a failed invoice left behind, the SKU that ran short, the unpaid-order limit.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.orders.max-unpaid-per-buyer", value = "2")
class OrderProblemMembersTest extends OrderTestBase {

    @Test
    void anOrderSavedWithoutItsInvoiceIsNamedInOrderId() {
        String sku = fixtures.product(null);
        String buyer = fixtures.newBuyer();
        Api.Reply fault = api.send(HttpRequest.POST("/sandbox/api/faults/server-errors",
                Map.of("method", "createInvoiceLink", "calls", 3)));
        assertEquals(204, fault.status(), () -> String.valueOf(fault.body()));

        Api.Reply placed = fixtures.place(buyer, "XTR", Map.of(sku, 1));

        assertEquals(502, placed.status(), () -> String.valueOf(placed.body()));
        Object orderId = placed.json().get("orderId");
        assertEquals(orderId, fixtures.ordersOf(buyer).get(0).get("id"));
        assertTrue(String.valueOf(placed.json().get("detail")).contains((String) orderId));
        assertEquals(200, api.send(HttpRequest.POST("/api/orders/" + orderId + "/invoice", "")
                .header("Authorization", buyer)).status(), "the named order can be invoiced again");
    }

    @Test
    void outOfStockNamesTheSkuAndWhatIsLeft() {
        String sku = fixtures.product(3);

        Api.Reply refused = fixtures.place(fixtures.newBuyer(), "XTR", Map.of(sku, 5));

        assertEquals(409, refused.status(), () -> String.valueOf(refused.body()));
        assertEquals("out-of-stock", refused.code());
        assertEquals(sku, refused.json().get("sku"));
        assertEquals(5, ((Number) refused.json().get("requested")).intValue());
        assertEquals(3, ((Number) refused.json().get("available")).intValue());
    }

    @Test
    void tooManyUnpaidOrdersCarriesTheLimit() {
        String sku = fixtures.product(null);
        String buyer = fixtures.newBuyer();
        for (int i = 0; i < 2; i++) {
            assertEquals(201, fixtures.place(buyer, "XTR", Map.of(sku, 1)).status());
        }

        Api.Reply refused = fixtures.place(buyer, "XTR", Map.of(sku, 1));

        assertEquals(429, refused.status(), () -> String.valueOf(refused.body()));
        assertEquals("too-many-unpaid-orders", refused.code());
        assertEquals(2, ((Number) refused.json().get("limit")).intValue());
    }
}

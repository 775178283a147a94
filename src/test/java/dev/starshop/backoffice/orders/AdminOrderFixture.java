package dev.starshop.backoffice.orders;

import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import io.micronaut.http.HttpRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Orders placed through the public API by buyers of their own, then read back through the admin API. */
final class AdminOrderFixture {

    private final Api api;
    private final InitDataSigner signer;

    AdminOrderFixture(Api api, InitDataSigner signer) {
        this.api = api;
        this.signer = signer;
    }

    /** A product at 80 Stars or 2.50 USD. */
    String product() {
        return ShopFixture.product("admin-orders").title("Admin test item").description("For the console.")
                .price("XTR", 80).price("USD", 250).create(api);
    }

    /** A Telegram user id no other test uses. */
    static long newBuyerId() {
        return ThreadLocalRandom.current().nextLong(7_000_000_000L, 8_000_000_000L);
    }

    /** The {@code tma} header of the buyer; their username is {@code adm<id>}. */
    String buyer(long userId) {
        return signer.header(userId, "adm" + userId, "en");
    }

    Map<String, Object> place(String buyer, String currency, String sku) {
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", currency,
                "items", List.of(Map.of("sku", sku, "quantity", 1)))).header("Authorization", buyer));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        return placed.json();
    }

    void cancel(String buyer, Object orderId) {
        assertEquals(200, api.send(HttpRequest.POST("/api/orders/" + orderId + "/cancel", "")
                .header("Authorization", buyer)).status());
    }

    Api.Reply list(String query) {
        return api.admin(HttpRequest.GET("/api/admin/orders?" + query));
    }

    /** The ids of one page, in the order the API returned them. */
    @SuppressWarnings("unchecked")
    List<Object> ids(Api.Reply page) {
        assertEquals(200, page.status(), () -> String.valueOf(page.body()));
        return ((List<Map<String, Object>>) page.json().get("orders")).stream().map(row -> row.get("id")).toList();
    }

    List<Object> ids(String query) {
        return ids(list(query));
    }

    Map<String, Object> detail(Object orderId) {
        Api.Reply reply = api.admin(HttpRequest.GET("/api/admin/orders/" + orderId));
        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        return reply.json();
    }
}

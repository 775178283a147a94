package dev.starshop.order;

import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;


/** Products and signed buyers for order tests, created through the public API. */
final class OrderFixtures {

    private static final AtomicLong NEXT_BUYER = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final Api api;
    private final InitDataSigner signer;

    OrderFixtures(Api api, InitDataSigner signer) {
        this.api = api;
        this.signer = signer;
    }

    /** A new product priced 100 Stars or 2.50 USD; {@code stock} null is unlimited. */
    String product(Integer stock) {
        return ShopFixture.product("order-test").title("Test gadget").description("Something to order.")
                .stock(stock).price("XTR", 100).price("USD", 250).create(api);
    }

    Object stockOf(String sku) {
        return api.admin(HttpRequest.GET("/api/admin/products/" + sku)).json().get("stock");
    }

    /** The {@code tma} Authorization value of a fresh buyer. */
    String newBuyer() {
        return signer.header(NEXT_BUYER.incrementAndGet(), "shopper", "en");
    }

    Api.Reply place(String buyer, String currency, Map<String, Integer> quantities) {
        return api.send(order(buyer, currency, quantities));
    }

    MutableHttpRequest<?> order(String buyer, String currency, Map<String, Integer> quantities) {
        List<Map<String, Object>> items = quantities.entrySet().stream()
                .map(e -> Map.<String, Object>of("sku", e.getKey(), "quantity", e.getValue())).toList();
        return HttpRequest.POST("/api/orders", Map.of("items", items, "currency", currency))
                .header("Authorization", buyer);
    }

    List<Map<String, Object>> ordersOf(String buyer) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> orders = (List<Map<String, Object>>) api.send(
                HttpRequest.GET("/api/orders").header("Authorization", buyer)).json().get("orders");
        return orders;
    }
}

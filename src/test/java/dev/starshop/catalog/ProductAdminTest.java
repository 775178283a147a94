package dev.starshop.catalog;

import dev.starshop.support.Api;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ProductAdminTest {

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @Inject
    void api() {
        api = new Api(http);
    }

    @Test
    void aCreatedProductIsForSaleWithItsPrices() {
        Map<String, Object> body = product(uniqueSku());
        Api.Reply created = api.admin(HttpRequest.POST("/api/admin/products", body));

        assertEquals(201, created.status());
        assertEquals("Blue hoodie", created.json().get("title"));
        Map<String, Object> listed = catalogEntry((String) body.get("sku"));
        List<?> prices = (List<?>) listed.get("prices");
        assertEquals(Map.of("currency", "XTR", "amount", 300, "decimal", "300", "display", "300 \u2B50"),
                prices.get(0));
        assertEquals(Map.of("currency", "USD", "amount", 1450, "decimal", "14.50", "display", "14.50 USD"),
                prices.get(1));
        assertEquals(7, listed.get("stock"));
    }

    @Test
    void aDuplicateSkuIsAConflict() {
        Map<String, Object> body = product(uniqueSku());
        api.admin(HttpRequest.POST("/api/admin/products", body));
        Api.Reply again = api.admin(HttpRequest.POST("/api/admin/products", body));
        assertEquals(409, again.status());
        assertEquals("duplicate-sku", again.code());
    }

    @Test
    void telegramsInvoiceLimitsAreEnforcedAndNothingIsWritten() {
        assertRefused(with("title", "x".repeat(33)), 422, "invalid-request", "title");
        assertRefused(with("description", "x".repeat(256)), 422, "invalid-request", "description");
        assertRefused(with("prices", List.of(Map.of("currency", "USD", "amount", 100))), 422,
                "invalid-request", "Stars");
        assertRefused(with("prices", List.of(Map.of("currency", "XTR", "amount", 5),
                Map.of("currency", "BTC", "amount", 100))), 422, "unsupported-currency", "BTC");
        assertRefused(with("prices", List.of(Map.of("currency", "XTR", "amount", 0))), 422,
                "invalid-request", "prices[0].amount");
        assertRefused(with("prices", List.of(Map.of("currency", "XTR", "amount", 10_001))), 422,
                "amount-out-of-range", "10000");
        assertRefused(with("kind", "SUBSCRIPTION"), 422, "invalid-request", "Stars only");
        assertRefused(with("stock", -1), 422, "invalid-request", "stock");
    }

    @Test
    void anUpdateReplacesPricesAndStock() {
        String sku = uniqueSku();
        api.admin(HttpRequest.POST("/api/admin/products", product(sku)));
        Map<String, Object> changed = new HashMap<>(product(sku));
        changed.put("stock", null);
        changed.put("prices", List.of(Map.of("currency", "XTR", "amount", 250)));

        Api.Reply updated = api.admin(HttpRequest.PUT("/api/admin/products/" + sku, changed));

        assertEquals(200, updated.status());
        assertNull(catalogEntry(sku).get("stock"), "unlimited stock");
        assertEquals(1, ((List<?>) catalogEntry(sku).get("prices")).size());
    }

    @Test
    void aDeactivatedProductLeavesTheCatalogButStaysInAdmin() {
        String sku = uniqueSku();
        api.admin(HttpRequest.POST("/api/admin/products", product(sku)));

        assertEquals(204, api.admin(HttpRequest.DELETE("/api/admin/products/" + sku)).status());

        assertNull(catalogEntry(sku));
        Api.Reply stillThere = api.admin(HttpRequest.GET("/api/admin/products/" + sku));
        assertEquals(false, stillThere.json().get("active"));
    }

    @Test
    void anUnknownSkuIsNotFound() {
        Api.Reply reply = api.admin(HttpRequest.GET("/api/admin/products/no-such-sku"));
        assertEquals(404, reply.status());
        assertEquals("not-found", reply.code());
    }

    @Test
    void malformedJsonIsABadRequest() {
        Api.Reply reply = api.admin(HttpRequest.POST("/api/admin/products", "{\"sku\": ")
                .contentType("application/json"));
        assertEquals(400, reply.status());
        assertEquals("malformed-request", reply.code());
    }

    private void assertRefused(Map<String, Object> body, int status, String code, String detailMentions) {
        Api.Reply reply = api.admin(HttpRequest.POST("/api/admin/products", body));
        assertEquals(status, reply.status(), () -> String.valueOf(reply.body()));
        assertEquals(code, reply.code());
        String detail = String.valueOf(reply.json().get("detail"));
        assertTrue(detail.contains(detailMentions), detail);
        assertEquals(404, api.admin(HttpRequest.GET("/api/admin/products/" + body.get("sku"))).status(),
                "a refused product is not stored");
    }

    private Map<String, Object> catalogEntry(String sku) {
        List<Map<String, Object>> products = (List<Map<String, Object>>) api.get("/api/catalog").json().get("products");
        return products.stream().filter(p -> sku.equals(p.get("sku"))).findFirst().orElse(null);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(product(uniqueSku()));
        body.put(field, value);
        return body;
    }

    static Map<String, Object> product(String sku) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", sku);
        body.put("title", "Blue hoodie");
        body.put("description", "Warm and blue.");
        body.put("kind", "PHYSICAL");
        body.put("stock", 7);
        body.put("prices", new ArrayList<>(List.of(Map.of("currency", "XTR", "amount", 300),
                Map.of("currency", "USD", "amount", 1450))));
        return body;
    }

    static String uniqueSku() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

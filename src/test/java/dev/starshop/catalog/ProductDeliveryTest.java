package dev.starshop.catalog;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product field {@code delivery} on create, replace and in admin views (docs/fulfilment.md). */
@MicronautTest
class ProductDeliveryTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    Api api;

    @Inject
    void api() {
        api = new Api(http);
    }

    @Test
    void withoutADeliveryAProductDeliversNothing() {
        String sku = uniqueSku();
        Api.Reply created = api.admin(HttpRequest.POST("/api/admin/products", product(sku, null)));
        assertEquals(201, created.status());
        assertEquals(Map.of("kind", "NONE", "protectContent", false), withoutNulls(created.json().get("delivery")));
    }

    @Test
    void aTextDeliveryIsShownToTheOperatorAndNeverInThePublicCatalog() {
        String sku = uniqueSku();
        Map<String, Object> delivery = Map.of("kind", "TEXT",
                "text", "Thanks {buyerName}! Join: https://t.me/+secretInvite (order {orderId})",
                "protectContent", true);
        assertEquals(201, api.admin(HttpRequest.POST("/api/admin/products", product(sku, delivery))).status());

        assertEquals(delivery, api.admin(HttpRequest.GET("/api/admin/products/" + sku)).json().get("delivery"));
        String catalog = String.valueOf(api.get("/api/catalog").body());
        assertTrue(catalog.contains(sku), "the product is for sale");
        assertFalse(catalog.contains("secretInvite"), "the delivery text is for buyers only");
        assertFalse(catalog.contains("delivery"), catalog);
    }

    @Test
    void aReplaceChangesTheDelivery() {
        String sku = uniqueSku();
        api.admin(HttpRequest.POST("/api/admin/products", product(sku, null)));
        Map<String, Object> delivery = Map.of("kind", "FILE", "text", "Your copy, {buyerName}",
                "protectContent", false);
        Api.Reply replaced = api.admin(HttpRequest.PUT("/api/admin/products/" + sku, product(sku, delivery)));
        assertEquals(200, replaced.status(), String.valueOf(replaced.body()));
        assertEquals(delivery, replaced.json().get("delivery"));
    }

    @Test
    void anUnknownPlaceholderIsRefusedAndNothingIsWritten() {
        String sku = uniqueSku();
        Api.Reply refused = api.admin(HttpRequest.POST("/api/admin/products",
                product(sku, Map.of("kind", "TEXT", "text", "Hello {firstName}"))));
        assertEquals(422, refused.status());
        assertEquals("unknown-placeholder", refused.code());
        assertTrue(String.valueOf(refused.json().get("detail")).contains("{firstName}"));
        assertEquals(0, new Db(dataSource).count("SELECT count(*) FROM products WHERE sku = ?", sku));

        Api.Reply code = api.admin(HttpRequest.POST("/api/admin/products",
                product(sku, Map.of("kind", "TEXT", "text", "Your key {code}"))));
        assertEquals("unknown-placeholder", code.code(), "{code} exists for CODES products only");
    }

    @Test
    void aTextDeliveryNeedsItsTextAndNoneHasNone() {
        Api.Reply noText = api.admin(HttpRequest.POST("/api/admin/products",
                product(uniqueSku(), Map.of("kind", "TEXT"))));
        assertEquals(422, noText.status());
        assertEquals("invalid-request", noText.code());
        Api.Reply noneWithText = api.admin(HttpRequest.POST("/api/admin/products",
                product(uniqueSku(), Map.of("kind", "NONE", "text", "hi"))));
        assertEquals(422, noneWithText.status());
        Api.Reply badKind = api.admin(HttpRequest.POST("/api/admin/products",
                product(uniqueSku(), Map.of("kind", "EMAIL"))));
        assertEquals(400, badKind.status(), String.valueOf(badKind.body()));
    }

    @Test
    void aCodesProductStartsWithAnEmptyPoolWhateverStockIsGiven() {
        String sku = uniqueSku();
        Api.Reply created = api.admin(HttpRequest.POST("/api/admin/products",
                product(sku, Map.of("kind", "CODES", "text", "Your licence key: {code}"))));
        assertEquals(201, created.status(), String.valueOf(created.body()));
        assertEquals(0, created.json().get("stock"), "stock is the pool's, and the pool is empty");
    }

    static Map<String, Object> product(String sku, Map<String, Object> delivery) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "title", "Delivered thing",
                "description", "Something that reaches the buyer.", "kind", "DIGITAL", "stock", 7,
                "prices", List.of(Map.of("currency", "XTR", "amount", 150))));
        if (delivery != null) {
            body.put("delivery", delivery);
        }
        return body;
    }

    static String uniqueSku() {
        return "dlv-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<?, ?> withoutNulls(Object value) {
        Map<Object, Object> copy = new HashMap<>((Map<?, ?>) value);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}

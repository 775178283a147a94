package dev.starshop.support;

import io.micronaut.http.HttpRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Products as the shop's operator adds them ({@code POST /api/admin/products}), for tests that need
 * something to sell:
 *
 * <pre>{@code
 * String sku = ShopFixture.product("checkout").kind("PHYSICAL").stock(5).price("XTR", 100).create(api);
 * }</pre>
 *
 * Each product gets a SKU of its own ({@code <prefix>-<8 hex>}), so tests sharing a database never
 * collide. Tests of the product API itself, and ones that send deliberately broken products, build
 * their bodies by hand.
 */
public final class ShopFixture {

    private ShopFixture() {
    }

    /** A DIGITAL product with unlimited stock; add at least one {@link Product#price}. */
    public static Product product(String skuPrefix) {
        return new Product(skuPrefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** One product's admin API body, built up and then created. */
    public static final class Product {

        private final String sku;
        private String title = "Test item";
        private String description = "Something to pay for.";
        private String kind = "DIGITAL";
        private Integer stock;
        private final List<Map<String, Object>> prices = new ArrayList<>();
        private Map<String, Object> delivery;
        private String category;

        private Product(String sku) {
            this.sku = sku;
        }

        public Product title(String title) {
            this.title = title;
            return this;
        }

        public Product description(String description) {
            this.description = description;
            return this;
        }

        /** DIGITAL, PHYSICAL or SUBSCRIPTION. */
        public Product kind(String kind) {
            this.kind = kind;
            return this;
        }

        /** Units for sale; null (the default) is unlimited. */
        public Product stock(Integer stock) {
            this.stock = stock;
            return this;
        }

        /** A price in minor units: {@code price("XTR", 100)} is 100 Stars, {@code price("USD", 250)} $2.50. */
        public Product price(String currency, long amount) {
            prices.add(Map.of("currency", currency, "amount", amount));
            return this;
        }

        /** What the product delivers: {@code delivery("CODES", "Your key: {code}", false)}; text may be null. */
        public Product delivery(String deliveryKind, String text, boolean protectContent) {
            delivery = new LinkedHashMap<>();
            delivery.put("kind", deliveryKind);
            if (text != null) {
                delivery.put("text", text);
            }
            delivery.put("protectContent", protectContent);
            return this;
        }

        /** The slug of an existing category; none by default. */
        public Product category(String slug) {
            this.category = slug;
            return this;
        }

        public String sku() {
            return sku;
        }

        /** The request body, for a client other than {@link Api} (another process, a benchmark). */
        public Map<String, Object> body() {
            if (prices.isEmpty()) {
                throw new IllegalStateException("product " + sku + " has no price");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sku", sku);
            body.put("title", title);
            body.put("description", description);
            body.put("kind", kind);
            if (stock != null) {
                body.put("stock", stock);
            }
            body.put("prices", List.copyOf(prices));
            if (delivery != null) {
                body.put("delivery", delivery);
            }
            if (category != null) {
                body.put("category", category);
            }
            return body;
        }

        /** Creates the product through the admin API (it must answer 201); returns its SKU. */
        public String create(Api api) {
            Api.Reply created = api.admin(HttpRequest.POST("/api/admin/products", body()));
            assertEquals(201, created.status(), () -> "creating " + sku + ": " + created.body());
            return sku;
        }
    }
}

package dev.starshop.promo;

import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import io.micronaut.http.HttpRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Products, buyers and promo codes for promo tests, all through the public and admin APIs. */
public final class PromoFixture {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final Api api;
    private final InitDataSigner signer;

    public PromoFixture(Api api, InitDataSigner signer) {
        this.api = api;
        this.signer = signer;
    }

    /** A product priced {@code stars} Stars and {@code usdCents} USD cents, unlimited stock. */
    public String product(long stars, long usdCents) {
        return ShopFixture.product("promo").title("Promo gadget").stock(null).price("XTR", stars)
                .price("USD", usdCents).create(api);
    }

    /** A product in category {@code slug}, priced {@code stars} Stars and {@code usdCents} USD cents. */
    public String productIn(String slug, long stars, long usdCents) {
        return ShopFixture.product("promo").title("Promo " + slug).stock(null).category(slug).price("XTR", stars)
                .price("USD", usdCents).create(api);
    }

    /** A new category (through the admin API); returns its slug, unique per run. */
    public String category(String prefix) {
        String slug = prefix + "-" + NEXT.incrementAndGet();
        Api.Reply created = api.admin(HttpRequest.POST("/api/admin/categories",
                Map.of("slug", slug, "title", prefix)));
        if (created.status() != 201) {
            throw new AssertionError("category not created: " + created.status() + " " + created.body());
        }
        return slug;
    }

    /** A fresh code name, unique per run, in lower case (codes ignore case). */
    public static String codeName(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }

    public long newBuyerId() {
        return 200_000_000L + NEXT.incrementAndGet();
    }

    public String buyer(long id) {
        return signer.header(id, "buyer" + id, "en");
    }

    public Api.Reply create(Map<String, Object> body) {
        return api.admin(HttpRequest.POST("/api/admin/promo-codes", body));
    }

    /** Creates a code from {@code fields} (code added) and returns its admin view. */
    public Map<String, Object> code(String code, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        Api.Reply created = create(body);
        if (created.status() != 201) {
            throw new AssertionError("promo code not created: " + created.status() + " " + created.body());
        }
        return created.json();
    }

    public Api.Reply deactivate(Object id) {
        return api.admin(HttpRequest.POST("/api/admin/promo-codes/" + id + "/deactivate", Map.of()));
    }

    public Map<String, Object> view(Object id) {
        return api.admin(HttpRequest.GET("/api/admin/promo-codes/" + id)).json();
    }

    public Api.Reply order(String buyer, String currency, String sku, int quantity, String promoCode) {
        return order(buyer, currency, Map.of(sku, quantity), promoCode);
    }

    /** An order of {@code items} (SKU → quantity; lines in the map's iteration order). */
    public Api.Reply order(String buyer, String currency, Map<String, Integer> items, String promoCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("currency", currency);
        body.put("items", items.entrySet().stream()
                .map(item -> Map.of("sku", item.getKey(), "quantity", item.getValue())).toList());
        if (promoCode != null) {
            body.put("promoCode", promoCode);
        }
        return api.send(HttpRequest.POST("/api/orders", body).header("Authorization", buyer));
    }
}

package dev.starshop.catalog;

import dev.starshop.support.Api;
import dev.starshop.support.ShopFixture;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Categories managed by the operator, shown in the catalog; a product's t.me link and its QR code. */
@MicronautTest
@Property(name = "starshop.links.bot-username", value = "starshop_test_bot")
class CategoryAndLinkTest {

    @Inject
    @Client("/")
    HttpClient http;

    Api api;
    String slug;

    @BeforeEach
    void category() {
        api = new Api(http);
        slug = "shelf-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.admin(HttpRequest.POST("/api/admin/categories",
                Map.of("slug", slug, "title", "Shelf", "position", 5))).status());
    }

    @Test
    void aCategoryWithAProductForSaleIsInTheCatalog() {
        assertEquals("duplicate-category", api.admin(HttpRequest.POST("/api/admin/categories",
                Map.of("slug", slug, "title", "Again"))).code());
        assertEquals("invalid-request", api.admin(HttpRequest.POST("/api/admin/categories",
                Map.of("slug", "Bad Slug", "title", "x"))).code());
        assertTrue(categoriesInCatalog().stream().noneMatch(c -> slug.equals(c.get("slug"))), "empty shelves are hidden");

        String sku = ShopFixture.product("shelved").price("XTR", 5).create(api);
        Map<String, Object> product = new HashMap<>(api.admin(HttpRequest.GET("/api/admin/products/" + sku)).json());
        product.put("category", slug);
        assertEquals(200, api.admin(HttpRequest.PUT("/api/admin/products/" + sku, product)).status());

        assertEquals(Map.of("slug", slug, "title", "Shelf", "position", 5), categoriesInCatalog().stream()
                .filter(c -> slug.equals(c.get("slug"))).findFirst().orElseThrow());
        assertEquals(204, api.admin(HttpRequest.DELETE("/api/admin/categories/" + slug)).status());
        assertEquals(null, api.admin(HttpRequest.GET("/api/admin/products/" + sku)).json().get("category"));
    }

    @Test
    void aProductNamingAnUnknownCategoryIsRefusedAndNothingIsWritten() {
        String sku = "nocat-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply refused = api.admin(HttpRequest.POST("/api/admin/products", Map.of("sku", sku, "title", "x",
                "description", "y", "kind", "DIGITAL", "prices", List.of(Map.of("currency", "XTR", "amount", 5)),
                "category", "no-such-shelf")));
        assertEquals(422, refused.status());
        assertEquals("unknown-category", refused.code());
        assertEquals(404, api.admin(HttpRequest.GET("/api/admin/products/" + sku)).status());
    }

    @Test
    void theConsoleShowsAProductsLinkAndItsQrCode() {
        String sku = ShopFixture.product("linked").price("XTR", 5).create(api);
        Map<String, Object> link = api.admin(HttpRequest.GET("/api/admin/products/" + sku
                + "/link?source=flyer&campaign=spring")).json();

        assertEquals("p_" + sku + "__s_flyer__m_spring", link.get("startParam"));
        assertEquals("https://t.me/starshop_test_bot/shop?startapp=p_" + sku + "__s_flyer__m_spring", link.get("url"));
        String svg = (String) link.get("qrSvg");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), svg);
        assertTrue(svg.contains("<path fill=\"#000\" d=\"M"), "the code has dark modules");

        assertEquals("invalid-start-param", api.admin(HttpRequest.GET("/api/admin/products/" + sku
                + "/link?source=bad%20source")).code());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> categoriesInCatalog() {
        return (List<Map<String, Object>>) api.get("/api/catalog").json().get("categories");
    }
}

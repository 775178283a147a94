package dev.starshop.catalog;

import dev.starshop.support.Api;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a bot token the engine is a sandbox and seeds a demo shop into an empty catalog. */
@MicronautTest
class CatalogTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @SuppressWarnings("unchecked")
    void theDemoCatalogOffersStarsAndDollars() {
        Map<String, Object> catalog = new Api(http).get("/api/catalog").json();
        List<Map<String, Object>> products = (List<Map<String, Object>>) catalog.get("products");

        for (ProductInput demo : DemoCatalog.PRODUCTS) {
            assertTrue(products.stream().anyMatch(p -> demo.sku().equals(p.get("sku"))), demo.sku());
        }
        Map<String, Object> club = bySku(products, "club-monthly");
        assertEquals("SUBSCRIPTION", club.get("kind"));
        assertEquals(List.of("XTR"), ((List<Map<String, Object>>) club.get("prices")).stream()
                .map(p -> p.get("currency")).toList());
        assertEquals("PHYSICAL", bySku(products, "mug-star").get("kind"));
        assertEquals("50 \u2B50", ((List<Map<String, Object>>) bySku(products, "theme-midnight").get("prices"))
                .get(0).get("display"));
        assertTrue(((List<?>) catalog.get("currencies")).containsAll(List.of("XTR", "USD")));
    }

    private static Map<String, Object> bySku(List<Map<String, Object>> products, String sku) {
        return products.stream().filter(p -> sku.equals(p.get("sku"))).findFirst().orElseThrow();
    }
}

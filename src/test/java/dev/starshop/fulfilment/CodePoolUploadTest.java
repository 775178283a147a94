package dev.starshop.fulfilment;

import dev.starshop.support.Api;
import dev.starshop.support.CapturedLog;
import dev.starshop.support.Db;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator fills a CODES product's pool; the catalog shows the unclaimed codes as stock. */
@MicronautTest
class CodePoolUploadTest {

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
    void uploadedCodesBecomeStockAndDuplicatesAreCountedNotStored() {
        String sku = codesProduct();
        String first = String.join("\n", "SECRET-A-" + sku, "SECRET-B-" + sku, "", "  SECRET-C-" + sku + "  ",
                "SECRET-A-" + sku, "");
        Api.Reply added = upload(sku, first, MediaType.TEXT_PLAIN);
        assertEquals(200, added.status(), String.valueOf(added.body()));
        assertEquals(Map.of("added", 3, "duplicates", 1, "available", 3), added.json());

        Api.Reply again = upload(sku, "code\nSECRET-C-" + sku + "\nSECRET-D-" + sku + "\n", "text/csv");
        assertEquals(Map.of("added", 1, "duplicates", 1, "available", 4), again.json());

        assertEquals(4, catalogStock(sku));
        assertEquals(4, db().count("SELECT count(*) FROM product_codes c JOIN products p ON p.id = c.product_id "
                + "WHERE p.sku = ?", sku));
        Api.Reply summary = api.admin(HttpRequest.GET("/api/admin/products/" + sku + "/codes/summary"));
        assertEquals(Map.of("sku", sku, "total", 4, "claimed", 0, "unclaimed", 4, "reserved", 0, "available", 4),
                summary.json());
        assertFalse(String.valueOf(summary.body()).contains("SECRET"), "counts only");
    }

    @Test
    void csvNeedsItsCodeColumnAndIgnoresTheOthers() {
        String sku = codesProduct();
        Api.Reply added = upload(sku, "note,Code\nfirst,\"K,1-" + sku + "\"\nsecond,K2-" + sku + "\n", "text/csv");
        assertEquals(Map.of("added", 2, "duplicates", 0, "available", 2), added.json());
        Api.Reply noColumn = upload(sku, "key\nK3\n", "text/csv");
        assertEquals(422, noColumn.status());
        assertEquals(2, catalogStock(sku));
    }

    @Test
    void emptyOversizedAndOverlongUploadsAreRefusedAndNothingIsWritten() {
        String sku = codesProduct();
        assertRefused(sku, "\n  \n\n", 422, "empty-upload");
        assertRefused(sku, "code\n", 422, "empty-upload");
        String tooMany = IntStream.rangeClosed(1, CodeUpload.MAX_CODES + 1).mapToObj(i -> "C" + i)
                .collect(Collectors.joining("\n"));
        assertRefused(sku, tooMany, 413, "too-many-codes");
        assertRefused(sku, "OK-1\n" + "x".repeat(257) + "\n", 422, "code-too-long");
        assertRefused(sku, "OK-1\nbad\u0000code\n", 422, "invalid-request");
        assertRefused(sku, "y".repeat(40) + "\n" + "z".repeat(1_048_576), 413, "payload-too-large");

        assertEquals(0, db().count("SELECT count(*) FROM product_codes c JOIN products p ON p.id = c.product_id "
                + "WHERE p.sku = ?", sku));
        assertEquals(0, catalogStock(sku));
    }

    @Test
    void aProductNotDeliveredByCodesTakesNoCodes() {
        String sku = "codes-" + UUID.randomUUID().toString().substring(0, 8);
        api.admin(HttpRequest.POST("/api/admin/products", product(sku, Map.of("kind", "TEXT", "text", "hi"))));
        Api.Reply refused = upload(sku, "K1\n", MediaType.TEXT_PLAIN);
        assertEquals(409, refused.status());
        assertEquals("delivery-kind-mismatch", refused.code());
        assertEquals(404, upload("no-such-" + sku, "K1\n", MediaType.TEXT_PLAIN).status());
        assertEquals(401, api.send(HttpRequest.POST("/api/admin/products/" + sku + "/codes", "K1\n")
                .contentType(MediaType.TEXT_PLAIN)).status());
    }

    @Test
    void codesNeverReachTheLog() {
        String sku = codesProduct();
        String secret = "NEVER-LOGGED-" + UUID.randomUUID();
        try (CapturedLog log = new CapturedLog()) {
            upload(sku, secret + "\n" + secret + "\n", MediaType.TEXT_PLAIN);
            upload(sku, secret + "\n" + "x".repeat(300), MediaType.TEXT_PLAIN);
            upload(sku, "code\n" + secret + "\n\"unterminated", "text/csv");
            api.admin(HttpRequest.GET("/api/admin/products/" + sku + "/codes/summary"));
            assertFalse(log.text().contains(secret), "a code was logged");
        }
    }

    private void assertRefused(String sku, String body, int status, String code) {
        Api.Reply refused = upload(sku, body, code.equals("empty-upload") && body.startsWith("code")
                ? "text/csv" : MediaType.TEXT_PLAIN);
        assertEquals(status, refused.status(), String.valueOf(refused.body()));
        assertEquals(code, refused.code());
        assertFalse(String.valueOf(refused.body()).contains("x".repeat(50)), "no code in the problem");
    }

    private Api.Reply upload(String sku, String body, String contentType) {
        return api.admin(HttpRequest.POST("/api/admin/products/" + sku + "/codes", body).contentType(contentType));
    }

    private String codesProduct() {
        String sku = "codes-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.admin(HttpRequest.POST("/api/admin/products",
                product(sku, Map.of("kind", "CODES", "text", "Your key: {code}"))));
        assertEquals(201, created.status(), String.valueOf(created.body()));
        return sku;
    }

    private int catalogStock(String sku) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> products = (List<Map<String, Object>>) api.get("/api/catalog").json().get("products");
        return products.stream().filter(p -> sku.equals(p.get("sku"))).findFirst()
                .map(p -> (Integer) p.get("stock")).orElseThrow();
    }

    private Db db() {
        return new Db(dataSource);
    }

    static Map<String, Object> product(String sku, Map<String, Object> delivery) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "title", "Licence key",
                "description", "One key per unit.", "kind", "DIGITAL",
                "prices", List.of(Map.of("currency", "XTR", "amount", 40))));
        body.put("delivery", delivery);
        return body;
    }
}

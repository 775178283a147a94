package dev.starshop.harness;

import dev.starshop.harness.FuzzCase.Expect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Broken bodies for the writing API: POST /api/orders as a signed buyer, and the admin product and
 * refund endpoints with the admin token. Each body breaks at least one rule, so none may write.
 */
final class ApiFuzz {

    private static final int MAX_BODY = 64 * 1024;

    private final Junk junk;
    private final String buyer;
    private final String adminToken;
    private final String realSku;

    ApiFuzz(Junk junk, String buyerAuthorization, String adminToken, String realSku) {
        this.junk = junk;
        this.buyer = buyerAuthorization;
        this.adminToken = adminToken;
        this.realSku = realSku;
    }

    FuzzCase next() {
        return switch (junk.nextInt(10)) {
            case 0 -> order("wrong-type-items", "{\"items\":" + junk.pick(List.of("\"x\"", "1", "{}", "true", "[1]",
                    "[\"a\"]", "[[]]", "[null]")) + ",\"currency\":\"XTR\"}");
            case 1 -> order("wrong-type-currency", orderBody(item(realSku, "1"),
                    junk.pick(List.of("{}", "[]", "true", "\"\"", "\"XTRXTRXTR\"", "\"ZZZ\"", "null"))));
            case 2 -> order("bad-quantity", orderBody(item(realSku, junk.pick(List.of("0", "-1", "2147483648",
                    "9223372036854775808", "1e400", "1180591620717411303424", "\"abc\"", "{}", "[]", "null",
                    "1000000", "-2147483648"))), "\"XTR\""));
            case 3 -> order("bad-sku", orderBody(item(junk.pick(List.of("{}", "[]", "1", "\"\"", "\"' OR 1=1 --\"",
                    "\"" + "s".repeat(65) + "\"", "\"no-such-" + UUID.randomUUID() + "\"")), "1"), "\"XTR\""));
            case 4 -> order("nested", "{\"items\":" + Junk.nested(1 + junk.nextInt(5000), true)
                    + ",\"currency\":\"XTR\"}");
            case 5 -> send("order-invalid-utf8", "POST", "/api/orders", buyer(),
                    junk.withInvalidUtf8("{\"items\":[{\"sku\":\"@@\",\"quantity\":1}],\"currency\":\"XTR\"}"));
            case 6 -> order("oversized", orderBody(item("\"" + "s".repeat(MAX_BODY) + "\"", "1"), "\"XTR\""));
            case 7 -> send("product-create", "POST", "/api/admin/products", admin(), brokenProduct("fuzz-" + UUID.randomUUID()));
            case 8 -> send("product-update", "PUT", "/api/admin/products/" + realSku, admin(), brokenProduct(realSku));
            default -> send("refund-junk", "POST", "/api/admin/orders/" + junk.pick(List.of(UUID.randomUUID().toString(),
                    "not-a-uuid", "1", "%27%20OR%201%3D1%20--")) + "/refund", admin(),
                    ("{\"reference\":" + junk.value() + "}").getBytes(StandardCharsets.UTF_8));
        };
    }

    /** A product body with exactly one rule broken. */
    private byte[] brokenProduct(String sku) {
        String skuJson = "\"" + sku + "\"";
        String title = "\"Fuzz\"";
        String kind = "\"DIGITAL\"";
        String stock = "null";
        String prices = "[{\"currency\":\"XTR\",\"amount\":5}]";
        switch (junk.nextInt(6)) {
            case 0 -> skuJson = junk.pick(List.of("\"bad sku\"", "\"-x\"", "\"\"", "{}", "[]", "\"a'; DROP TABLE products;--\""));
            case 1 -> title = junk.pick(List.of("\"\"", "\"" + "t".repeat(33) + "\"", "{}", "[]", "null"));
            case 2 -> kind = junk.pick(List.of("\"WEIRD\"", "\"\"", "1", "{}", "null"));
            case 3 -> stock = junk.pick(List.of("-1", "1000000001", "2147483648", "1e400", "\"many\"", "{}"));
            case 4 -> prices = junk.pick(List.of("[]", "{}", "null", "[null]", "\"XTR\""));
            default -> prices = "[{\"currency\":" + junk.pick(List.of("\"XTR\"", "\"XT\"", "\"XTRX\"", "1", "{}")) + ",\"amount\":"
                    + junk.pick(List.of("0", "-1", "1e400", "1180591620717411303424", "9223372036854775808", "\"5\"x",
                    "{}", "[]", "1.5e3000")) + "}]";
        }
        return ("{\"sku\":" + skuJson + ",\"title\":" + title + ",\"description\":\"Broken on purpose\",\"kind\":" + kind
                + ",\"stock\":" + stock + ",\"prices\":" + prices + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String item(String skuJson, String quantity) {
        String sku = skuJson.startsWith("\"") || skuJson.startsWith("{") || skuJson.startsWith("[")
                || Character.isDigit(skuJson.charAt(0)) ? skuJson : "\"" + skuJson + "\"";
        return "{\"sku\":" + sku + ",\"quantity\":" + quantity + "}";
    }

    private static String orderBody(String item, String currency) {
        return "{\"items\":[" + item + "],\"currency\":" + currency + "}";
    }

    private Map<String, String> buyer() {
        return Map.of("Authorization", buyer);
    }

    private Map<String, String> admin() {
        return Map.of("Authorization", "Bearer " + adminToken);
    }

    private FuzzCase order(String label, String body) {
        return send("order-" + label, "POST", "/api/orders", buyer(), body.getBytes(StandardCharsets.UTF_8));
    }

    private FuzzCase send(String label, String method, String path, Map<String, String> headers, byte[] body) {
        return new FuzzCase("api", label, method, path, headers, "application/json", body, Expect.REFUSED);
    }
}

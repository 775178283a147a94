package dev.starshop.order;

import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The link a buyer opened the Mini App with (start_param in the signed initData) is recorded on the
 * order and shown to the operator; a malformed one is refused with nothing written.
 */
@MicronautTest
class OrderAttributionTest extends OrderTestBase {

    private static long nextBuyer = System.nanoTime() % 1_000_000_000L + 2_000_000_000L;

    @Test
    void theLinksSourceCampaignAndReferrerAreRecordedAndShownInTheConsole() {
        String sku = fixtures.product(null);
        String buyer = buyerWith("p_" + sku + "__s_instagram__m_xmas-2026__r_42");

        Api.Reply placed = fixtures.place(buyer, "XTR", Map.of(sku, 1));

        assertEquals(201, placed.status());
        String orderId = (String) placed.json().get("id");
        Map<String, Object> detail = api.admin(HttpRequest.GET("/api/admin/orders/" + orderId)).json();
        Map<String, Object> expected = new java.util.HashMap<>(Map.of("startParam",
                "p_" + sku + "__s_instagram__m_xmas-2026__r_42", "source", "instagram", "campaign", "xmas-2026",
                "referrer", "42", "productSku", sku));
        expected.put("category", null);
        assertEquals(expected, detail.get("attribution"));
        assertEquals("instagram", listedSource(orderId));
        String export = exportedOrders();
        String row = export.lines().filter(line -> line.startsWith(orderId)).findFirst().orElseThrow();
        assertTrue(export.lines().findFirst().orElseThrow().endsWith(",source,campaign,referrer,start_param"), export);
        assertTrue(row.endsWith(",instagram,xmas-2026,42,p_" + sku + "__s_instagram__m_xmas-2026__r_42"), row);
    }

    private String exportedOrders() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return http.toBlocking().retrieve(HttpRequest.GET("/api/admin/exports/orders.csv?from="
                + today.minusDays(1) + "&to=" + today.plusDays(1)).bearerAuth(Api.ADMIN_TOKEN));
    }

    @Test
    void anOrderWithoutALinkIsDirect() {
        String sku = fixtures.product(null);
        Api.Reply placed = fixtures.place(fixtures.newBuyer(), "XTR", Map.of(sku, 1));

        String orderId = (String) placed.json().get("id");
        assertNull(api.admin(HttpRequest.GET("/api/admin/orders/" + orderId)).json().get("attribution"));
        assertEquals("direct", listedSource(orderId));
    }

    @Test
    void aMalformedStartParamIsRefusedAndNoOrderIsWritten() {
        String sku = fixtures.product(null);
        for (String malformed : List.of("p_" + sku + "__p_other", "x_unknown-key", "s_a__", "s_" + "a".repeat(65),
                "p_" + sku + "__c_merch", "s_bad!char", "s__double",
                // longer than Telegram's 512 characters, and characters Telegram never puts in a start_param
                "s_" + "a".repeat(511), "s_café", "s_a b", "s_a%20b", "s_a.b", "s_<script>alert(1)</script>",
                "m_x\u0000y", "r_４２")) {
            String buyer = buyerWith(malformed);
            Api.Reply refused = fixtures.place(buyer, "XTR", Map.of(sku, 1));

            assertEquals(422, refused.status(), malformed);
            assertEquals("invalid-start-param", refused.code(), malformed);
            assertTrue(((String) refused.json().get("detail")).contains("malformed"));
            assertEquals(List.of(), fixtures.ordersOf(buyer), malformed);
        }
    }

    private String listedSource(String orderId) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) api.admin(
                HttpRequest.GET("/api/admin/orders?limit=200")).json().get("orders");
        return rows.stream().filter(row -> orderId.equals(row.get("id"))).findFirst().orElseThrow()
                .get("source").toString();
    }

    private String buyerWith(String startParam) {
        long userId = ++nextBuyer;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAlink" + userId);
        fields.put("user", "{\"id\":" + userId + ",\"first_name\":\"Linked\",\"language_code\":\"en\"}");
        fields.put("chat_type", "private");
        fields.put("start_param", startParam);
        return "tma " + InitDataSigner.forToken(bot.token()).sign(fields);
    }
}

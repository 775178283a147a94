package dev.starshop.backoffice.orders;

import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/admin/orders over HTTP against the real database: filters, pages, refusals. */
@MicronautTest(transactional = false)
class AdminOrderListTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    Api api;
    AdminOrderFixture shop;
    String sku;

    @BeforeEach
    void openTheShop() {
        api = new Api(http);
        shop = new AdminOrderFixture(api, InitDataSigner.forToken(bot.token()));
        sku = shop.product();
    }

    @Test
    void filtersNarrowTheListToTheMatchingOrdersNewestFirst() {
        long id = AdminOrderFixture.newBuyerId();
        String buyer = shop.buyer(id);
        Map<String, Object> stars = shop.place(buyer, "XTR", sku);
        Map<String, Object> dollars = shop.place(buyer, "USD", sku);
        Map<String, Object> cancelled = shop.place(buyer, "XTR", sku);
        shop.cancel(buyer, cancelled.get("id"));
        List<Object> all = List.of(cancelled.get("id"), dollars.get("id"), stars.get("id"));

        assertEquals(all, shop.ids("buyer=" + id));
        assertEquals(all, shop.ids("buyer=" + q("@ADM" + id)));
        assertEquals(List.of(dollars.get("id")), shop.ids("buyer=" + id + "&currency=usd"));
        assertEquals(List.of(cancelled.get("id")), shop.ids("buyer=" + id + "&status=CANCELLED"));
        assertEquals(all, shop.ids("buyer=" + id + "&status=" + q("PENDING_PAYMENT,CANCELLED")));
        assertEquals(all, shop.ids("buyer=" + id + "&status=PENDING_PAYMENT&status=CANCELLED"));
        assertEquals(List.of(cancelled.get("id"), dollars.get("id")),
                shop.ids("buyer=" + id + "&from=" + dollars.get("createdAt")));
        assertEquals(List.of(stars.get("id")), shop.ids("buyer=" + id + "&to=" + dollars.get("createdAt")));
        String firstDay = Instant.parse((String) stars.get("createdAt")).toString().substring(0, 10);
        String lastDay = Instant.parse((String) cancelled.get("createdAt")).toString().substring(0, 10);
        assertEquals(all, shop.ids("buyer=" + id + "&from=" + firstDay + "&to=" + lastDay));
    }

    @Test
    void aRowShowsTheTotalInItsCurrencyAndWhoBoughtIt() {
        long id = AdminOrderFixture.newBuyerId();
        shop.place(shop.buyer(id), "USD", sku);

        Map<String, Object> row = rows(shop.list("buyer=" + id)).get(0);

        assertEquals("PENDING_PAYMENT", row.get("status"));
        assertEquals(Map.of("amount", 250, "decimal", "2.50", "currency", "USD", "display", "2.50 USD"),
                row.get("total"));
        assertEquals(Map.of("amount", 0, "decimal", "0.00", "currency", "USD", "display", "0.00 USD"),
                row.get("paid"));
        Map<?, ?> buyer = (Map<?, ?>) row.get("buyer");
        assertEquals(id, ((Number) buyer.get("id")).longValue());
        assertEquals("adm" + id, buyer.get("username"));
        assertEquals("Test", buyer.get("name"));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        long id = AdminOrderFixture.newBuyerId();
        String buyer = shop.buyer(id);
        for (int i = 0; i < 7; i++) {
            shop.place(buyer, "XTR", sku);
        }
        List<Object> everything = shop.ids("buyer=" + id + "&limit=200");

        List<Object> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = "";
        do {
            Api.Reply page = shop.list("buyer=" + id + "&limit=3" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            List<Object> ids = shop.ids(page);
            paged.addAll(ids);
            sizes.add(ids.size());
            cursor = (String) page.json().get("nextCursor");
        } while (cursor != null);

        assertEquals(7, everything.size());
        assertEquals(List.of(3, 3, 1), sizes);
        assertEquals(everything, paged);
        assertEquals(7, new HashSet<>(paged).size());
    }

    @Test
    void theLastPageHasNoCursor() {
        long id = AdminOrderFixture.newBuyerId();
        shop.place(shop.buyer(id), "XTR", sku);

        assertNull(shop.list("buyer=" + id + "&limit=1").json().get("nextCursor"));
    }

    @Test
    void countsPerStateIncludeEveryState() {
        long id = AdminOrderFixture.newBuyerId();
        String buyer = shop.buyer(id);
        Map<String, Object> order = shop.place(buyer, "XTR", sku);
        long before = count("CANCELLED");

        shop.cancel(buyer, order.get("id"));

        assertEquals(before + 1, count("CANCELLED"));
        assertEquals(7, api.admin(HttpRequest.GET("/api/admin/orders/counts")).json().size());
    }

    @Test
    void withoutTheAdminTokenNothingIsListed() {
        Api.Reply anonymous = api.get("/api/admin/orders");
        Api.Reply wrong = api.send(HttpRequest.GET("/api/admin/orders").bearerAuth("not-the-token"));
        Api.Reply detail = api.get("/api/admin/orders/00000000-0000-0000-0000-000000000000");

        assertEquals(401, anonymous.status());
        assertEquals(401, wrong.status());
        assertEquals(401, detail.status());
        assertEquals("unauthorized", anonymous.code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status=SHIPPED                         | invalid-request",
            "currency=ABC                           | unsupported-currency",
            "currency=US                            | unsupported-currency",
            "from=yesterday                         | invalid-request",
            "to=2026-13-01                          | invalid-request",
            "from=2026-02-01&to=2026-01-01          | invalid-request",
            "buyer=Robert'); DROP TABLE orders;--   | invalid-request",
            "status=PAID' OR '1'='1                 | invalid-request",
            "limit=0                                | invalid-request",
            "limit=201                              | invalid-request",
            "limit=ten                              | invalid-request",
            "cursor=bm90LWEtY3Vyc29y                | invalid-request",
            "cursor=%%%                             | invalid-request"})
    void badParametersAreRefusedWithAProblem(String query, String code) {
        String[] parts = query.split("&");
        StringBuilder encoded = new StringBuilder();
        for (String part : parts) {
            int eq = part.indexOf('=');
            encoded.append(encoded.isEmpty() ? "" : "&").append(part, 0, eq + 1).append(q(part.substring(eq + 1)));
        }

        Api.Reply reply = shop.list(encoded.toString());

        assertEquals(422, reply.status(), () -> String.valueOf(reply.body()));
        assertEquals(code, reply.code());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(200, shop.list("limit=1").status());
    }

    @Test
    void anUnknownOrderIsNotFoundAndAMalformedIdIsRefused() {
        Api.Reply unknown = api.admin(HttpRequest.GET("/api/admin/orders/5f0c1d9e-0000-4000-8000-000000000000"));
        Api.Reply malformed = api.admin(HttpRequest.GET("/api/admin/orders/not-an-id"));

        assertEquals(404, unknown.status());
        assertEquals("not-found", unknown.code());
        assertEquals(400, malformed.status(), () -> String.valueOf(malformed.body()));
    }

    private long count(String status) {
        return ((Number) api.admin(HttpRequest.GET("/api/admin/orders/counts")).json().get(status)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Api.Reply page) {
        return (List<Map<String, Object>>) page.json().get("orders");
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package dev.starshop.harness;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.InitDataSigner;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security checklist of issue 7 in one place. Several cases are covered in depth elsewhere
 * (WebhookIntakeTest, InitDataVerifierTest, MeControllerTest, OrderApiTest); here each is asserted
 * again briefly, over HTTP, with "nothing written" checked against the row counts of every table.
 */
@MicronautTest(transactional = false)
class SecurityTest {

    /** Strings that break a query built by concatenation. */
    static final List<String> INJECTIONS = List.of("' OR 1=1 --", "'; DROP TABLE orders; --", "\" OR \"\"=\"",
            "1; SELECT pg_sleep(5)", "XTR' UNION SELECT password FROM pg_shadow --", "%' OR '%'='", "\\'; --");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    BotCredentials bot;

    @Inject
    DataSource dataSource;

    HarnessShop shop;
    RawHttp raw;
    Db db;

    @BeforeEach
    void setUp() {
        shop = new HarnessShop(new Api(http), bot.token());
        raw = new RawHttp(server.getURI());
        db = new Db(dataSource);
    }

    @Test
    void theWebhookWithoutOrWithAWrongSecretIs401AndStoresNothing() {
        byte[] update = "{\"update_id\":7000000001,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"/start\"}}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Long> before = TableCounts.of(db);

        List<Integer> statuses = List.of(
                raw.send("POST", WebhookFuzz.PATH, Map.of(), "application/json", update).status(),
                raw.send("POST", WebhookFuzz.PATH, Map.of("X-Telegram-Bot-Api-Secret-Token", "wrong"),
                        "application/json", update).status(),
                raw.send("POST", WebhookFuzz.PATH, Map.of("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secre"),
                        "application/json", update).status(),
                raw.send("POST", WebhookFuzz.PATH, Map.of("X-Telegram-Bot-Api-Secret-Token", ""),
                        "application/json", update).status());

        assertEquals(List.of(401, 401, 401, 401), statuses);
        assertEquals(Map.of(), TableCounts.changes(before, TableCounts.of(db)));
    }

    @Test
    void forgedExpiredAndOtherBotsInitDataAre401() {
        InitDataSigner ours = InitDataSigner.forToken(bot.token());
        String valid = ours.initData(400_001, "mallory", "en");
        Map<String, String> refused = Map.of(
                "forged (user changed after signing)", valid.replace("%22id%22%3A400001", "%22id%22%3A100001"),
                "forged (hash of zeros)", valid.replaceAll("hash=[0-9a-f]+", "hash=" + "0".repeat(64)),
                "expired (auth_date older than the 24 h max age)",
                ours.authDate(Instant.now().minus(Duration.ofHours(25))).initData(400_001, "mallory", "en"),
                "replayed to another bot (signed with that bot's token)",
                InitDataSigner.forToken("7000000002:" + "y".repeat(35)).initData(400_001, "mallory", "en"));
        Map<String, Long> before = TableCounts.of(db);

        refused.forEach((why, initData) -> {
            Api.Reply me = me(initData);
            Api.Reply order = shop.api().send(HttpRequest.POST("/api/orders", Map.of("currency", "XTR",
                    "items", List.of(Map.of("sku", "demo", "quantity", 1)))).header("Authorization", "tma " + initData));
            assertEquals(401, me.status(), why);
            assertEquals("invalid-init-data", me.code(), why);
            assertEquals(401, order.status(), why);
        });
        assertEquals(Map.of(), TableCounts.changes(before, TableCounts.of(db)));
    }

    /**
     * Telegram's initData carries no nonce: the same string is accepted again until it is older
     * than starshop.telegram.init-data-max-age. This is by design (see docs/authentication.md);
     * a shorter max age narrows the window.
     */
    @Test
    void initDataReplayedWithinItsMaxAgeIsAcceptedByDesign() {
        String initData = InitDataSigner.forToken(bot.token()).initData(400_002, "repeat", "en");

        assertEquals(200, me(initData).status());
        assertEquals(200, me(initData).status());
    }

    @Test
    void aBuyerCannotSeeOrTouchAnotherBuyersOrderAndLearnsNotEvenThatItExists() {
        String alice = shop.buyer(400_010);
        String bob = shop.buyer(400_011);
        Api.Reply placed = shop.placeOrder(alice, shop.product(3));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        Object id = placed.json().get("id");
        Map<String, Long> before = TableCounts.of(db);

        Api.Reply read = shop.api().send(HttpRequest.GET("/api/orders/" + id).header("Authorization", bob));
        Api.Reply cancel = shop.api().send(HttpRequest.POST("/api/orders/" + id + "/cancel", "").header("Authorization", bob));
        Api.Reply unknown = shop.api().send(HttpRequest.GET("/api/orders/" + java.util.UUID.randomUUID())
                .header("Authorization", bob));

        assertEquals(404, read.status());
        assertEquals(404, cancel.status());
        assertEquals(unknown.status(), read.status(), "another buyer's order looks like no order at all");
        assertEquals(unknown.code(), read.code());
        assertTrue(shop.orders(bob).isEmpty());
        assertEquals("PENDING_PAYMENT", shop.order(alice, id).get("status"));
        assertEquals(Map.of(), TableCounts.changes(before, TableCounts.of(db)));
    }

    @Test
    void adminCallsWithoutOrWithAWrongTokenAre401AndWriteNothing() {
        Map<String, Object> product = Map.of("sku", "intruder-product", "title", "Nope", "description", "Nope",
                "kind", "DIGITAL", "prices", List.of(Map.of("currency", "XTR", "amount", 1)));
        List<HttpRequest<?>> calls = List.of(HttpRequest.GET("/api/admin/products"),
                HttpRequest.POST("/api/admin/products", product),
                HttpRequest.POST("/api/admin/orders/" + java.util.UUID.randomUUID() + "/refund", Map.of()),
                HttpRequest.GET("/api/admin/exports/orders.csv"),
                HttpRequest.POST("/api/admin/reconciliation/runs", Map.of()));
        Map<String, Long> before = TableCounts.of(db);

        for (HttpRequest<?> call : calls) {
            for (String authorization : List.of("", "Bearer wrong-token", "Bearer ", "Basic dGVzdC1hZG1pbi10b2tlbg==",
                    "test-admin-token", "bearer-test-admin-token")) {
                var request = HttpRequest.create(call.getMethod(), call.getUri().toString());
                call.getBody().ifPresent(request::body);
                if (!authorization.isEmpty()) {
                    request.header("Authorization", authorization);
                }
                Api.Reply reply = shop.api().send(request);
                assertEquals(401, reply.status(), () -> call.getMethodName() + " " + call.getPath() + " with '"
                        + authorization + "'");
            }
        }
        assertEquals(Map.of(), TableCounts.changes(before, TableCounts.of(db)));
    }

    @Test
    void sqlInjectionInAdminFiltersIsRefusedAndTheTablesStayIntact() {
        Map<String, Long> before = TableCounts.of(db);

        for (String injection : INJECTIONS) {
            String q = URLEncoder.encode(injection, StandardCharsets.UTF_8);
            for (String path : List.of("/api/admin/exports/orders.csv?currency=" + q,
                    "/api/admin/exports/orders.csv?status=" + q, "/api/admin/exports/ledger.csv?tz=" + q,
                    "/api/admin/exports/summary.csv?profile=" + q, "/api/admin/exports/ledger.csv?from=" + q,
                    "/api/admin/exports/" + q, "/api/admin/reconciliation/runs?limit=" + q,
                    "/api/admin/reconciliation/runs/" + q, "/api/admin/ledger/transactions?orderId=" + q,
                    "/api/admin/products/" + q)) {
                assertRefused(path);
            }
        }

        Map<String, Long> after = TableCounts.of(db);
        assertEquals(Map.of(), TableCounts.changes(before, after));
        assertTrue(after.containsKey("orders") && after.containsKey("payments"), "the tables still exist");
    }

    /**
     * GET /api/admin/orders (filters status, currency, buyer) is being built on another branch.
     * Enable once merged: each injection must be 4xx (or 200 with no rows for a free-text
     * filter), never 5xx, with the tables intact.
     */
    @Test
    void sqlInjectionInTheAdminOrderListIsHarmless() {
        Map<String, Long> before = TableCounts.of(db);
        for (String injection : INJECTIONS) {
            String q = URLEncoder.encode(injection, StandardCharsets.UTF_8);
            for (String filter : List.of("status", "currency", "buyer")) {
                Api.Reply reply = shop.api().admin(HttpRequest.GET("/api/admin/orders?" + filter + "=" + q));
                assertTrue(reply.status() < 500, filter + "=" + injection + " → " + reply.status());
                if (reply.status() == 200) {
                    assertEquals(List.of(), ((Map<?, ?>) reply.body()).get("orders"), filter + "=" + injection);
                }
            }
        }
        assertEquals(Map.of(), TableCounts.changes(before, TableCounts.of(db)));
    }

    private void assertRefused(String path) {
        Api.Reply reply = shop.api().admin(HttpRequest.GET(path));
        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> path + " → " + reply.status() + " " + reply.body());
        assertTrue(reply.code() != null, () -> path + " answered without a problem code: " + reply.body());
    }

    private Api.Reply me(String initData) {
        return shop.api().send(HttpRequest.GET("/api/me").header("Authorization", "tma " + initData));
    }
}

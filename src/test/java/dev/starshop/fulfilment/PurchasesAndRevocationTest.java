package dev.starshop.fulfilment;

import dev.starshop.sandbox.SandboxUser;
import dev.starshop.support.Api;
import dev.starshop.support.Concurrently;
import dev.starshop.support.Db;
import dev.starshop.support.SandboxTelegramTestBase;
import dev.starshop.support.TelegramUpdates;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static dev.starshop.fulfilment.DeliveryShop.ALICE;
import static dev.starshop.fulfilment.DeliveryShop.deliveries;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Codes under contention, approval of an order under review, refunds that revoke, the buyer's
 * purchases and their signed download links.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.fulfilment.delivery.interval", value = "200ms")
@Property(name = "starshop.fulfilment.delivery.initial-backoff", value = "200ms")
@Property(name = "starshop.fulfilment.download-secret", value = PurchasesAndRevocationTest.SECRET)
class PurchasesAndRevocationTest extends SandboxTelegramTestBase {

    static final String SECRET = "test-download-secret";
    private static final long BOB = 100002;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    DeliveryShop shop;
    Db db;

    @BeforeEach
    void openTheShop() {
        shop = new DeliveryShop(api, signer(), telegram, server.getURL().toString());
        db = new Db(dataSource);
    }

    @Test
    void twentyBuyersRacingForFiveCodesMakeFivePaidOrdersWithFiveDistinctCodes() throws Exception {
        String sku = shop.codesProduct(5, null);
        long firstBuyer = 4_100_000 + (System.nanoTime() % 1000) * 100;
        List<Callable<Api.Reply>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = firstBuyer + i;
            telegram.createUser(new SandboxUser(id, "Racer" + i, null, "en", 1000));
            racers.add(() -> shop.placeOrder(shop.buyer(id), sku, 1));
        }

        List<Api.Reply> replies = Concurrently.all(racers);

        List<Integer> statuses = replies.stream().map(Api.Reply::status).toList();
        assertEquals(5, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(15, replies.stream().filter(r -> "out-of-stock".equals(r.code())).count(), statuses.toString());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (replies.get(i).status() == 201) {
                shop.pay(firstBuyer + i, replies.get(i).json());
                Map<String, Object> order = shop.awaitStatus(replies.get(i).json().get("id"), "FULFILLED");
                String code = (String) deliveries(order).get(0).get("code");
                assertEquals(1, shop.textsMentioning(firstBuyer + i, code).size(), "in the buyer's chat");
                codes.add(code);
            }
        }
        assertEquals(5, codes.stream().distinct().count(), codes.toString());
    }

    @Test
    void anApprovedOrderUnderReviewDeliversAndAnEmptyPoolIsAFailedDeliveryWithItsReason() {
        String sku = shop.codesProduct(1, null);
        Map<String, Object> late = shop.placeOrder(shop.buyer(ALICE), sku, 1).json();
        assertEquals(200, api.send(HttpRequest.POST("/api/orders/" + late.get("id") + "/cancel", "")
                .header("Authorization", shop.buyer(ALICE))).status());
        String onTime = shop.buy(BOB, sku, 1);
        shop.awaitStatus(onTime, "FULFILLED");
        payByUpdate(late.get("id").toString(), 30);
        assertEquals("NEEDS_REVIEW", shop.adminOrder(late.get("id")).get("status"));
        assertEquals(List.of(), deliveries(shop.adminOrder(late.get("id"))), "nothing delivered under review");

        Api.Reply approved = api.admin(HttpRequest.POST("/api/admin/orders/" + late.get("id") + "/approve", ""));

        assertEquals(200, approved.status(), () -> String.valueOf(approved.body()));
        Map<String, Object> order = shop.adminOrder(late.get("id"));
        assertEquals("PAID", order.get("status"));
        assertEquals(true, order.get("deliveryFailed"));
        assertTrue(String.valueOf(deliveries(order).get(0).get("lastError")).contains("code pool of " + sku + " is empty"));
        Api.Reply again = api.admin(HttpRequest.POST("/api/admin/orders/" + late.get("id") + "/approve", ""));
        assertEquals(409, again.status());
        assertEquals("invalid-state", again.code());
    }

    @Test
    void anOrderPaidTwiceWhoseUnitsWereSentMeanwhileIsFulfilledWhenApproved() throws Exception {
        String file = shop.fileProduct(null);
        String orderId = shop.buy(ALICE, file, 1);
        dev.starshop.support.Eventually.until(() -> Boolean.TRUE.equals(shop.adminOrder(orderId).get("deliveryFailed")));
        payByUpdate(orderId, 40);
        assertEquals("NEEDS_REVIEW", shop.adminOrder(orderId).get("status"), "a second payment");
        shop.uploadFile(file, ProductFileTest.pdf(2_000));
        assertEquals(200, shop.retry(orderId).status());
        dev.starshop.support.Eventually.until(() -> "SENT".equals(deliveries(shop.adminOrder(orderId)).get(0).get("status")));
        assertEquals("NEEDS_REVIEW", shop.adminOrder(orderId).get("status"), "sent, but still under review");

        Api.Reply approved = api.admin(HttpRequest.POST("/api/admin/orders/" + orderId + "/approve", ""));

        assertEquals(200, approved.status(), () -> String.valueOf(approved.body()));
        assertEquals("FULFILLED", shop.adminOrder(orderId).get("status"));
        assertEquals(1, shop.documentsNamed(ALICE, file + ".pdf").size(), "nothing sent again");
    }

    @Test
    void aRefundRevokesTheCodeAndRefusesTheDownloadLink() throws Exception {
        String codes = shop.codesProduct(2, "Key: {code}");
        String file = shop.fileProduct(ProductFileTest.pdf(4_000));
        String codeOrder = shop.buy(ALICE, codes, 1);
        String fileOrder = shop.buy(ALICE, file, 1);
        String code = (String) deliveries(shop.awaitStatus(codeOrder, "FULFILLED")).get(0).get("code");
        shop.awaitStatus(fileOrder, "FULFILLED");
        Map<String, Object> filePurchase = delivery(purchases(shop.buyer(ALICE)), fileOrder);
        String url = (String) filePurchase.get("url");
        assertEquals(200, fetch(url).statusCode(), "works before the refund, without any header");
        assertArrayEquals(ProductFileTest.pdf(4_000), fetch(url).body());
        assertEquals(code, delivery(purchases(shop.buyer(ALICE)), codeOrder).get("value"));

        assertEquals(200, refund(codeOrder).status());
        assertEquals(200, refund(fileOrder).status());

        assertEquals(1, db.count("SELECT count(*) FROM product_codes WHERE code = ? AND revoked_at IS NOT NULL "
                + "AND order_id IS NOT NULL", code), "revoked, never handed out again");
        Map<String, Object> revokedCode = delivery(purchases(shop.buyer(ALICE)), codeOrder);
        assertEquals("REVOKED", revokedCode.get("status"));
        assertNull(revokedCode.get("value"));
        HttpResponse<byte[]> refused = fetch(url);
        assertEquals(410, refused.statusCode());
        assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("delivery-revoked"));
        assertNull(delivery(purchases(shop.buyer(ALICE)), fileOrder).get("url"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChargebackFoundByReconciliationRevokesTheCodeAndTheEntitlement() {
        String codes = shop.codesProduct(1, "Key: {code}");
        String order = shop.buy(ALICE, codes, 1);
        String code = (String) deliveries(shop.awaitStatus(order, "FULFILLED")).get(0).get("code");
        assertTrue(entitledOrders().contains(order));
        String charge = db.text("SELECT telegram_payment_charge_id FROM payments WHERE order_id = ?::uuid "
                + "AND kind = 'PAYMENT'", order);

        assertTrue(telegram.chargeback(charge));
        Api.Reply run = api.admin(HttpRequest.POST("/api/admin/reconciliation/runs", ""));
        assertEquals(201, run.status(), () -> String.valueOf(run.body()));

        assertEquals(1, db.count("SELECT count(*) FROM payments WHERE order_id = ?::uuid AND kind = 'CHARGEBACK'",
                order));
        Map<String, Object> revoked = delivery(purchases(shop.buyer(ALICE)), order);
        assertEquals("REVOKED", revoked.get("status"));
        assertNull(revoked.get("value"), "the code is no longer shown to the buyer");
        assertEquals(1, db.count("SELECT count(*) FROM product_codes WHERE code = ? AND revoked_at IS NOT NULL", code));
        assertFalse(entitledOrders().contains(order), "a charged-back order entitles to nothing");
    }

    /** The link with the signature's first hex digit changed (to another digit, always). */
    private static String tampered(String url) {
        int at = url.indexOf("signature=") + "signature=".length();
        char changed = url.charAt(at) == '0' ? '1' : '0';
        return url.substring(0, at) + changed + url.substring(at + 1);
    }

    @SuppressWarnings("unchecked")
    private List<Object> entitledOrders() {
        Api.Reply reply = api.send(HttpRequest.GET("/api/me/entitlements").header("Authorization", shop.buyer(ALICE)));
        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        return ((List<Map<String, Object>>) reply.json().get("products")).stream().map(p -> p.get("orderId")).toList();
    }

    @Test
    void aTamperedOrExpiredLinkIsRefusedAndAnotherBuyersPurchasesAreNeverShown() throws Exception {
        String file = shop.fileProduct(ProductFileTest.pdf(3_000));
        String orderId = shop.buy(ALICE, file, 1);
        shop.awaitStatus(orderId, "FULFILLED");
        String url = (String) delivery(purchases(shop.buyer(ALICE)), orderId).get("url");
        long deliveryId = Long.parseLong(url.substring(url.indexOf("/downloads/") + 11, url.indexOf('?')));

        assertEquals(403, fetch(tampered(url)).statusCode(), "tampered");
        assertEquals(403, fetch(url.replaceAll("expires=\\d+", "expires=99999999999")).statusCode(), "extended");
        assertEquals(403, fetch("/api/downloads/" + deliveryId).statusCode(), "unsigned");
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        HttpResponse<byte[]> expired = fetch("/api/downloads/" + deliveryId + "?expires=" + past + "&signature="
                + sign(ALICE, orderId, deliveryId, past));
        assertEquals(410, expired.statusCode());
        assertTrue(new String(expired.body(), StandardCharsets.UTF_8).contains("download-link-expired"));
        HttpResponse<byte[]> forBob = fetch("/api/downloads/" + deliveryId + "?expires=" + (past + 3600)
                + "&signature=" + sign(BOB, orderId, deliveryId, past + 3600));
        assertEquals(403, forBob.statusCode(), "a link made out to another buyer");

        List<Map<String, Object>> bobs = purchases(shop.buyer(BOB));
        assertTrue(bobs.stream().noneMatch(p -> orderId.equals(p.get("orderId"))), "Alice's order is not Bob's");
        Api.Reply admin = api.admin(HttpRequest.GET("/api/admin/buyers/" + ALICE + "/purchases"));
        assertTrue(admin.json().toString().contains(orderId));
        Map<?, ?> entitlements = api.send(HttpRequest.GET("/api/me/entitlements")
                .header("Authorization", shop.buyer(ALICE))).json();
        assertTrue(entitlements.get("products").toString().contains(file));
        assertEquals(401, api.get("/api/purchases").status());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> purchases(String buyer) {
        Api.Reply reply = api.send(HttpRequest.GET("/api/purchases").header("Authorization", buyer));
        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        return (List<Map<String, Object>>) reply.json().get("purchases");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> delivery(List<Map<String, Object>> purchases, String orderId) {
        Map<String, Object> purchase = purchases.stream().filter(p -> orderId.equals(p.get("orderId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no purchase " + orderId));
        Map<String, Object> item = ((List<Map<String, Object>>) purchase.get("items")).get(0);
        return ((List<Map<String, Object>>) item.get("deliveries")).get(0);
    }

    private Api.Reply refund(String orderId) {
        return api.admin(HttpRequest.POST("/api/admin/orders/" + orderId + "/refund", Map.of()));
    }

    private HttpResponse<byte[]> fetch(String pathOrUrl) throws Exception {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(server.getURL() + pathOrUrl);
        return HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sign(long buyer, String orderId, long deliveryId, long expires) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(("download|" + buyer + "|" + orderId + "|" + deliveryId + "|"
                + expires).getBytes(StandardCharsets.UTF_8)));
    }

    private void payByUpdate(String orderId, long stars) {
        String update = TelegramUpdates.successfulPayment().updateId(System.currentTimeMillis() * 10 + 7)
                .buyer(ALICE, "Alice").total(stars).payload(orderId).charge("stx-late-" + UUID.randomUUID()).json();
        Api.Reply delivered = api.send(HttpRequest.POST("/telegram/webhook", update).contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret"));
        assertEquals(200, delivered.status());
        assertNotNull(delivered);
    }
}

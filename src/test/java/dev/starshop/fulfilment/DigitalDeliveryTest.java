package dev.starshop.fulfilment;

import dev.starshop.sandbox.CallLog;
import dev.starshop.support.Api;
import dev.starshop.support.CapturedLog;
import dev.starshop.support.Db;
import dev.starshop.support.Eventually;
import dev.starshop.support.SandboxTelegramTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static dev.starshop.fulfilment.DeliveryShop.ALICE;
import static dev.starshop.fulfilment.DeliveryShop.deliveries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paid digital orders deliver through the emulator over real HTTP: codes, files (upload, then by
 * file_id, through 429 and 500), texts; bounded retries, FAILED, the operator's retry.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.fulfilment.delivery.interval", value = "200ms")
@Property(name = "starshop.fulfilment.delivery.initial-backoff", value = "200ms")
@Property(name = "starshop.fulfilment.delivery.max-attempts", value = "3")
class DigitalDeliveryTest extends SandboxTelegramTestBase {

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    DeliveryShop shop;

    @BeforeEach
    void openTheShop() {
        shop = new DeliveryShop(api, signer(), telegram, server.getURL().toString());
    }

    @Test
    void payingForTwoKeysSendsEachUnitItsOwnCodeAndFulfilsTheOrder() {
        String sku = shop.codesProduct(3, "Your key: {code}");

        String orderId = shop.buy(ALICE, sku, 2);

        Map<String, Object> order = shop.awaitStatus(orderId, "FULFILLED");
        List<String> codes = deliveries(order).stream().map(d -> (String) d.get("code")).toList();
        assertEquals(2, codes.size());
        assertNotEquals(codes.get(0), codes.get(1));
        for (String code : codes) {
            assertEquals(List.of("Your key: " + code), shop.textsMentioning(ALICE, code), "sent once, to the buyer");
        }
        assertTrue(deliveries(order).stream().allMatch(d -> "SENT".equals(d.get("status"))));
        assertEquals(false, order.get("deliveryFailed"));
    }

    @Test
    void anOrderOfTwoProductsDeliversEachAsItsProductSays() {
        String keys = shop.codesProduct(1, "Your key: {code}");
        String course = shop.textProduct("Join the course of order {orderId}");

        String orderId = shop.buyOneOfEach(ALICE, List.of(keys, course));

        Map<String, Object> order = shop.awaitStatus(orderId, "FULFILLED");
        assertEquals(2, deliveries(order).size(), "one delivery per line: " + deliveries(order));
        assertTrue(deliveries(order).stream().allMatch(d -> "SENT".equals(d.get("status"))));
        assertEquals(List.of("Your key: " + keys + "-CODE-0"), shop.textsMentioning(ALICE, keys + "-CODE-0"));
        assertEquals(List.of("Join the course of order " + orderId), shop.textsMentioning(ALICE, "course of order " + orderId));
    }

    @Test
    void aDocumentRefusedWith429Then500IsSentOnceLaterAndThenByFileId() throws Exception {
        String sku = shop.fileProduct(ProductFileTest.pdf(20_000));
        telegram.faults().rateLimit("sendDocument", 1, 1);
        telegram.faults().serverErrors("sendDocument", 1);

        String first = shop.buy(ALICE, sku, 1);

        shop.awaitStatus(first, "FULFILLED");
        List<Map<String, Object>> sent = shop.documentsNamed(ALICE, sku + ".pdf");
        assertEquals(1, sent.size(), "delivered once");
        List<String> outcomes = telegram.calls().stream().filter(c -> c.method().equals("sendDocument"))
                .map(CallLog.Call::status).map(String::valueOf).toList();
        assertTrue(String.join(",", outcomes).contains("429,500,200"), outcomes.toString());
        String fileId = (String) sent.get(0).get("file_id");
        assertEquals(fileId, new Db(dataSource).text("SELECT f.telegram_file_id FROM product_files f "
                + "JOIN products p ON p.id = f.product_id WHERE p.sku = ?", sku), "remembered");

        String second = shop.buy(ALICE, sku, 1);

        shop.awaitStatus(second, "FULFILLED");
        List<Map<String, Object>> both = shop.documentsNamed(ALICE, sku + ".pdf");
        assertEquals(2, both.size());
        assertEquals(fileId, both.get(1).get("file_id"), "sent by file_id: an upload gets a new one");
    }

    @Test
    void aDeliveryThatKeepsFailingIsFailedUntilTheOperatorRetriesIt() {
        String sku = shop.textProduct("Join the course: https://example.org/course/{orderId}");
        // More errors than attempts: the receipt (sent by the outbox, also sendMessage) may take some.
        telegram.faults().serverErrors("sendMessage", 50);

        String orderId = shop.buy(ALICE, sku, 1);

        Map<String, Object> failed = Eventually.value(() -> java.util.Optional.of(shop.adminOrder(orderId))
                .filter(o -> Boolean.TRUE.equals(o.get("deliveryFailed"))));
        telegram.faults().serverErrors("sendMessage", 0);
        Map<String, Object> delivery = deliveries(failed).get(0);
        assertEquals("FAILED", delivery.get("status"));
        assertTrue(String.valueOf(delivery.get("lastError")).contains("500"), String.valueOf(delivery));
        assertEquals("PAID", failed.get("status"));
        assertEquals(List.of(), shop.textsMentioning(ALICE, orderId));

        Api.Reply retried = shop.retry(orderId);

        assertEquals(200, retried.status(), () -> String.valueOf(retried.body()));
        shop.awaitStatus(orderId, "FULFILLED");
        assertEquals(List.of("Join the course: https://example.org/course/" + orderId),
                shop.textsMentioning(ALICE, orderId));
    }

    @Test
    void retryingADeliveryThatSucceededIsRefusedAndSendsNothing() {
        String sku = shop.textProduct("Welcome aboard, order {orderId}");
        String orderId = shop.buy(ALICE, sku, 1);
        shop.awaitStatus(orderId, "FULFILLED");
        long sendsBefore = telegram.calls().stream().filter(c -> c.method().equals("sendMessage")).count();

        Api.Reply retried = shop.retry(orderId);

        assertEquals(409, retried.status());
        assertEquals("no-failed-delivery", retried.code());
        assertEquals(1, shop.textsMentioning(ALICE, orderId).size());
        assertEquals(sendsBefore, telegram.calls().stream().filter(c -> c.method().equals("sendMessage")).count());
    }

    @Test
    void aFileProductWithoutItsFileFailsWithTheReasonAndDeliversOnceTheFileIsThere() throws Exception {
        String sku = shop.fileProduct(null);
        String orderId = shop.buy(ALICE, sku, 1);
        Map<String, Object> failed = Eventually.value(() -> java.util.Optional.of(shop.adminOrder(orderId))
                .filter(o -> Boolean.TRUE.equals(o.get("deliveryFailed"))));
        assertTrue(String.valueOf(deliveries(failed).get(0).get("lastError")).contains("no file"));

        shop.uploadFile(sku, ProductFileTest.pdf(5_000));
        assertEquals(200, shop.retry(orderId).status());

        shop.awaitStatus(orderId, "FULFILLED");
        assertEquals(1, shop.documentsNamed(ALICE, sku + ".pdf").size());
    }

    @Test
    void deliveredCodesNeverReachTheLogOrTheExports() {
        String sku = shop.codesProduct(2, null);
        telegram.faults().rateLimit("sendMessage", 1, 1);
        String orderId;
        String code;
        try (CapturedLog log = new CapturedLog()) {
            orderId = shop.buy(ALICE, sku, 1);
            code = (String) deliveries(shop.awaitStatus(orderId, "FULFILLED")).get(0).get("code");
            assertEquals(1, shop.textsMentioning(ALICE, code).size());
            assertTrue(log.events() > 0, "the capture works");
            assertTrue(!log.text().contains(code), "a delivered code was logged");
            assertTrue(!log.text().contains(sku + "-CODE-"), "a pool code was logged");
        }
        for (String export : List.of("orders.csv", "ledger.csv")) {
            String body = exported(export);
            assertTrue(body.contains(orderId), export + " holds the order");
            assertTrue(!body.contains(code), export + " shows a code");
        }
    }

    private String exported(String file) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(server.getURL() + "/api/admin/exports/" + file
                                    + "?from=2020-01-01&to=2100-01-01"))
                    .header("Authorization", "Bearer " + Api.ADMIN_TOKEN).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), file);
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

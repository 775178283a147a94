package dev.starshop.backoffice.orders;

import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.support.SandboxTelegramTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/admin/orders/{id} for an order paid and refunded through the Telegram emulator. */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class AdminOrderDetailTest extends SandboxTelegramTestBase {

    private static final long ALICE = 100001;

    AdminOrderFixture shop;

    @BeforeEach
    void openTheShop() {
        shop = new AdminOrderFixture(api, signer());
    }

    @Test
    void aPaidOrderShowsItsLinesPaymentLedgerAndTimeline() {
        Map<String, Object> order = paidStarsOrder();

        Map<String, Object> detail = Eventually.value(() -> Optional.of(shop.detail(order.get("id")))
                .filter(d -> kinds(d).contains("RECEIPT")));

        assertEquals("PAID", detail.get("status"));
        assertEquals("80 ⭐", ((Map<?, ?>) detail.get("total")).get("display"));
        assertEquals("Admin test item", rows(detail, "lines").get(0).get("title"));
        assertEquals(ALICE, ((Number) ((Map<?, ?>) detail.get("buyer")).get("id")).longValue());
        assertEquals(List.of("PAYMENT"), field(rows(detail, "payments"), "kind"));
        assertEquals(List.of("PAYMENT"), field(rows(detail, "ledgerTransactions"), "kind"));
        assertEquals(Map.of("possible", true, "needsReference", false), detail.get("refund"));
        assertTrue(kinds(detail).containsAll(List.of("CREATED", "INVOICE_ISSUED", "PRE_CHECKOUT_ACCEPTED", "PAID",
                "RECEIPT")), () -> kinds(detail).toString());
        assertTrue(kinds(detail).indexOf("CREATED") < kinds(detail).indexOf("PAID"));
    }

    @Test
    void aRefundAppearsInPaymentsLedgerTimelineAndTheListRow() {
        Map<String, Object> order = paidStarsOrder();
        Api.Reply refund = api.admin(HttpRequest.POST("/api/admin/orders/" + order.get("id") + "/refund", Map.of()));
        assertEquals(200, refund.status(), () -> String.valueOf(refund.body()));

        Map<String, Object> detail = Eventually.value(() -> Optional.of(shop.detail(order.get("id")))
                .filter(d -> kinds(d).contains("REFUND_RECEIPT")));

        assertEquals("REFUNDED", detail.get("status"));
        assertEquals(List.of("PAYMENT", "REFUND"), field(rows(detail, "payments"), "kind"));
        List<Map<String, Object>> ledger = rows(detail, "ledgerTransactions");
        assertEquals(List.of("PAYMENT", "REFUND"), field(ledger, "kind"));
        assertEquals(ledger.get(0).get("id"), ledger.get(1).get("reversesTransactionId"));
        assertEquals(Map.of("possible", false, "needsReference", false), detail.get("refund"));
        assertTrue(kinds(detail).indexOf("PAID") < kinds(detail).indexOf("REFUNDED"), () -> kinds(detail).toString());
        Map<?, ?> row = rows(shop.list("buyer=" + ALICE + "&status=REFUNDED&limit=200").json(), "orders").stream()
                .filter(r -> r.get("id").equals(order.get("id"))).findFirst().orElseThrow();
        assertEquals(80, ((Map<?, ?>) row.get("paid")).get("amount"));
        assertEquals(80, ((Map<?, ?>) row.get("refunded")).get("amount"));
    }

    @Test
    void aCardOrderAsksForTheProvidersRefundReference() {
        String buyer = signer().header(ALICE, "alice", "en");
        Map<String, Object> order = shop.place(buyer, "USD", shop.product());
        assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.card(ALICE, "4242 4242 4242 4242"))
                .isPaid());
        Map<String, Object> paid = Eventually.value(() -> Optional.of(shop.detail(order.get("id")))
                .filter(d -> "PAID".equals(d.get("status"))));
        assertEquals(Map.of("possible", true, "needsReference", true), paid.get("refund"));
        assertEquals("2.50 USD", ((Map<?, ?>) paid.get("charged")).get("display"));

        Api.Reply refund = api.admin(HttpRequest.POST("/api/admin/orders/" + order.get("id") + "/refund",
                Map.of("reference", "re_admin_test")));

        assertEquals(200, refund.status(), () -> String.valueOf(refund.body()));
        Map<String, Object> refunded = shop.detail(order.get("id"));
        assertEquals("REFUNDED", refunded.get("status"));
        Map<String, Object> refundRow = rows(refunded, "payments").get(1);
        assertEquals(List.of("REFUND", "OPERATOR", "re_admin_test"),
                List.of(refundRow.get("kind"), refundRow.get("source"), refundRow.get("reference")));
    }

    private Map<String, Object> paidStarsOrder() {
        String buyer = signer().header(ALICE, "alice", "en");
        Map<String, Object> order = shop.place(buyer, "XTR", shop.product());
        PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));
        assertTrue(outcome.isPaid(), outcome.toString());
        Eventually.value(() -> Optional.of(shop.detail(order.get("id"))).filter(d -> "PAID".equals(d.get("status"))));
        return order;
    }

    private static List<Object> kinds(Map<String, Object> detail) {
        return field(rows(detail, "timeline"), "kind");
    }

    private static List<Object> field(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(row -> row.get(name)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> body, String name) {
        return (List<Map<String, Object>>) body.get(name);
    }
}

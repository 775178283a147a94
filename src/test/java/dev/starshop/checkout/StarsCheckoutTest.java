package dev.starshop.checkout;

import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.support.Api;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.starshop.checkout.CheckoutFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Stars purchase through the emulator: invoice, pre-checkout, payment, ledger, receipt, refund. */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class StarsCheckoutTest extends ThroughTelegramTestBase {

    @Test
    void aStarsPurchaseLandsInTheLedgerOnceAndTheBuyerGetsAReceipt() {
        String sku = shop.product("DIGITAL", 3, 120, 250);
        String alice = shop.buyer(ALICE, "en");
        long balanceBefore = telegram.user(ALICE).orElseThrow().starBalance();
        Map<String, Object> order = shop.order(alice, "XTR", sku, 1);

        PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));

        assertTrue(outcome.isPaid(), outcome.toString());
        shop.awaitStatus(alice, order.get("id"), "PAID");
        assertEquals(balanceBefore - 120, telegram.user(ALICE).orElseThrow().starBalance());
        List<Map<String, Object>> ledger = shop.ledgerFor(order.get("id"));
        assertEquals(1, ledger.size());
        assertEquals("PAYMENT", ledger.get(0).get("kind"));
        assertEquals(outcome.telegramPaymentChargeId(), ledger.get(0).get("telegramChargeId"));
        assertEquals(2, ((List<?>) ledger.get(0).get("postings")).size());
        CheckoutFixture.eventually(() -> telegram.messages(ALICE).stream()
                .filter(m -> String.valueOf(m.get("text")).contains("Payment received: 120 \u2B50")).findFirst());
    }

    @Test
    void aRefundReversesThePaymentOnceAndGivesTheStarsBack() {
        String sku = shop.product("DIGITAL", null, 75, 250);
        String alice = shop.buyer(ALICE, "en");
        long balanceBefore = telegram.user(ALICE).orElseThrow().starBalance();
        Map<String, Object> order = shop.order(alice, "XTR", sku, 2);
        assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE)).isPaid());
        shop.awaitStatus(alice, order.get("id"), "PAID");

        Api.Reply refund = shop.refund(order.get("id"), null);
        Api.Reply again = shop.refund(order.get("id"), null);

        assertEquals(200, refund.status(), () -> String.valueOf(refund.body()));
        assertEquals(409, again.status());
        assertEquals("REFUNDED", shop.orderNow(alice, order.get("id")).get("status"));
        assertEquals(balanceBefore, telegram.user(ALICE).orElseThrow().starBalance());
        List<Map<String, Object>> ledger = CheckoutFixture.eventually(() -> Optional.of(shop.ledgerFor(order.get("id")))
                .filter(entries -> entries.size() >= 2));
        assertEquals(List.of("PAYMENT", "REFUND"), ledger.stream().map(t -> t.get("kind")).toList());
    }

    @Test
    void aRefundWhileTheBotApiFailsRecordsNothingAndCanBeRetried() {
        String sku = shop.product("DIGITAL", null, 60, 250);
        String alice = shop.buyer(ALICE, "en");
        Map<String, Object> order = shop.order(alice, "XTR", sku, 1);
        assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE)).isPaid());
        shop.awaitStatus(alice, order.get("id"), "PAID");
        telegram.faults().rateLimit("refundStarPayment", 1, 120);

        Api.Reply failed = shop.refund(order.get("id"), null);
        Api.Reply retried = shop.refund(order.get("id"), null);

        assertEquals(502, failed.status(), () -> String.valueOf(failed.body()));
        assertEquals(200, retried.status(), () -> String.valueOf(retried.body()));
        assertEquals("REFUNDED", shop.orderNow(alice, order.get("id")).get("status"));
        assertEquals(2, shop.ledgerFor(order.get("id")).size(), "one payment, one refund");
    }

    @Test
    void aRefundOfAnUnpaidOrderIsRefusedAndChangesNothing() {
        String sku = shop.product("DIGITAL", null, 10, 250);
        String alice = shop.buyer(ALICE, "en");
        Map<String, Object> order = shop.order(alice, "XTR", sku, 1);

        Api.Reply refund = shop.refund(order.get("id"), null);

        assertEquals(409, refund.status());
        assertEquals("PENDING_PAYMENT", shop.orderNow(alice, order.get("id")).get("status"));
        assertTrue(shop.ledgerFor(order.get("id")).isEmpty());
    }

    @Test
    void aChineseBuyerIsRefusedInChineseWhenTheOrderWasCancelled() {
        String sku = shop.product("DIGITAL", null, 10, 250);
        String li = shop.buyer(100003, "zh-hans");
        Map<String, Object> order = shop.order(li, "XTR", sku, 1);
        shop.cancel(li, order.get("id"));

        PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(100003));

        assertEquals("failed", outcome.status());
        assertTrue(String.valueOf(outcome.reason()).contains("此订单已过期或已取消"), outcome.toString());
        assertEquals("CANCELLED", shop.orderNow(li, order.get("id")).get("status"));
    }
}

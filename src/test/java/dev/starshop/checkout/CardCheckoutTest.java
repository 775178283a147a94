package dev.starshop.checkout;

import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.support.Api;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.starshop.checkout.CheckoutFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A card purchase with shipping and a tip (Stripe test cards through the emulator), and its refund. */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class CardCheckoutTest extends ThroughTelegramTestBase {

    private static final String GOOD_CARD = "4242 4242 4242 4242";

    @Test
    void itemsShippingAndTipLandInTheirOwnAccounts() {
        String mug = shop.product("PHYSICAL", 10, 400, 1200);
        String alice = shop.buyer(ALICE, "en");
        Map<String, Object> order = shop.order(alice, "USD", mug, 1);

        PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), new PayRequest(ALICE, "card", GOOD_CARD,
                Map.of("country_code", "US", "state", "NY", "city", "New York", "street_line1", "1 Main St",
                        "street_line2", "", "post_code", "10001"), "standard", 100L, null, null, null, null));

        assertTrue(outcome.isPaid(), outcome.toString());
        assertEquals(1800L, outcome.totalAmount(), "12.00 items + 5.00 standard post + 1.00 tip");
        Map<String, Object> paid = shop.awaitStatus(alice, order.get("id"), "PAID");
        assertEquals(Map.of("totalAmount", 1800, "totalDisplay", "18.00 USD", "shippingAmount", 500,
                "shippingDisplay", "5.00 USD", "tipAmount", 100, "tipDisplay", "1.00 USD"), paid.get("payment"));
        Map<String, Object> payment = shop.ledgerFor(order.get("id")).get(0);
        assertEquals(Map.of("provider_receivable", 1800L, "sales_revenue", -1200L, "shipping_revenue", -500L,
                "tips_revenue", -100L), signedPostings(payment));
    }

    @Test
    void aDeclinedCardLeavesTheOrderPayable() {
        String sku = shop.product("DIGITAL", 5, 100, 300);
        String alice = shop.buyer(ALICE, "en");
        Map<String, Object> order = shop.order(alice, "USD", sku, 1);

        PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"),
                PayRequest.card(ALICE, "4000 0000 0000 0002"));

        assertEquals("failed", outcome.status());
        assertEquals("PENDING_PAYMENT", shop.orderNow(alice, order.get("id")).get("status"));
        assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.card(ALICE, GOOD_CARD)).isPaid(),
                "the buyer can try another card");
        shop.awaitStatus(alice, order.get("id"), "PAID");
    }

    @Test
    void aCardRefundNeedsTheProvidersReferenceAndIsRecordedOnce() {
        String sku = shop.product("DIGITAL", 5, 100, 300);
        String alice = shop.buyer(ALICE, "en");
        Map<String, Object> order = shop.order(alice, "USD", sku, 1);
        assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.card(ALICE, GOOD_CARD)).isPaid());
        shop.awaitStatus(alice, order.get("id"), "PAID");

        Api.Reply withoutReference = shop.refund(order.get("id"), null);
        Api.Reply refunded = shop.refund(order.get("id"), "re_3PzTest123");
        Api.Reply again = shop.refund(order.get("id"), "re_3PzTest123");

        assertEquals(422, withoutReference.status());
        assertEquals(200, refunded.status(), () -> String.valueOf(refunded.body()));
        assertEquals("re_3PzTest123", refunded.json().get("reference"));
        assertEquals(409, again.status());
        assertEquals("REFUNDED", shop.orderNow(alice, order.get("id")).get("status"));
        Map<String, Object> reversal = shop.ledgerFor(order.get("id")).get(1);
        assertEquals(Map.of("sales_refunds", 300L, "provider_receivable", -300L), signedPostings(reversal));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> signedPostings(Map<String, Object> transaction) {
        return ((List<Map<String, Object>>) transaction.get("postings")).stream().collect(Collectors.toMap(
                p -> (String) p.get("account"), p -> ((Number) p.get("amount")).longValue()));
    }
}

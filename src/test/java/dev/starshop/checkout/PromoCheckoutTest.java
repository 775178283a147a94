package dev.starshop.checkout;

import dev.starshop.ledger.Ledger;
import dev.starshop.promo.PromoFixture;
import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.support.Api;
import dev.starshop.support.Db;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.starshop.checkout.CheckoutFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Discounted orders through the emulator: the invoice Telegram shows, pre-checkout, the payment,
 * the ledger (gross sales, sales_discounts, balanced) and the refund; and a code withdrawn between
 * the order and the payment.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class PromoCheckoutTest extends ThroughTelegramTestBase {

    private static final String GOOD_CARD = "4242 4242 4242 4242";
    private static final long LI = 100003;

    @Inject
    Ledger ledger;

    @Inject
    DataSource dataSource;

    PromoFixture promo;

    @BeforeEach
    void promoCodes() {
        promo = new PromoFixture(api, signer());
    }

    @Test
    void aPercentCodeInStarsIsPaidBookedGrossWithItsDiscountAndRefundedWhole() {
        String sku = shop.product("DIGITAL", null, 100, 1200);
        String code = PromoFixture.codeName("stars25");
        promo.code(code, "percentOff", 25);
        String alice = shop.buyer(ALICE, "en");
        long balanceBefore = telegram.user(ALICE).orElseThrow().starBalance();
        Map<String, Object> order = placed(promo.order(alice, "XTR", sku, 2, code));
        assertEquals(List.of(200, 50, 150), List.of(order.get("subtotalAmount"), order.get("discountAmount"),
                order.get("totalAmount")));

        Map<String, Object> invoice = telegram.invoice((String) order.get("invoiceLink")).orElseThrow();
        assertEquals(150L, ((Number) invoice.get("totalAmount")).longValue());
        assertEquals(1, ((List<?>) invoice.get("prices")).size(), "Stars: one price, the discounted total");
        assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE)).isPaid());
        shop.awaitStatus(alice, order.get("id"), "PAID");

        assertEquals(balanceBefore - 150, telegram.user(ALICE).orElseThrow().starBalance());
        assertEquals(Map.of("telegram_stars_receivable", 150L, "sales_discounts", 50L, "sales_revenue", -200L),
                postings(shop.ledgerFor(order.get("id")).get(0)));

        Api.Reply refund = shop.refund(order.get("id"), null);
        assertEquals(200, refund.status(), () -> String.valueOf(refund.body()));
        assertEquals(balanceBefore, telegram.user(ALICE).orElseThrow().starBalance(), "what was paid came back");
        List<Map<String, Object>> books = CheckoutFixture.eventually(() -> Optional.of(shop.ledgerFor(order.get("id")))
                .filter(list -> list.size() == 2));
        assertEquals(Map.of("sales_refunds", 200L, "telegram_stars_receivable", -150L, "sales_discounts", -50L),
                postings(books.get(1)));
        assertEquals("REFUNDED", shop.orderNow(alice, order.get("id")).get("status"));
        assertBooksBalance(order.get("id"));
    }

    @Test
    void aFixedCodeOnACardShowsADiscountLineAndBooksGrossSales() {
        String sku = shop.product("DIGITAL", null, 100, 1200);
        String code = PromoFixture.codeName("card2");
        promo.code(code, "amountsOff", Map.of("USD", 200));
        String alice = shop.buyer(ALICE, "en");
        Map<String, Object> order = placed(promo.order(alice, "USD", sku, 1, code));

        Map<String, Object> invoice = telegram.invoice((String) order.get("invoiceLink")).orElseThrow();
        assertEquals(List.of(Map.of("label", "Checkout digital", "amount", 1200L),
                        Map.of("label", "Discount (" + code.toUpperCase() + ")", "amount", -200L)),
                invoice.get("prices"), "a negative LabeledPrice for the discount, as the Bot API allows");
        assertEquals(1000L, ((Number) invoice.get("totalAmount")).longValue());
        PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.card(ALICE, GOOD_CARD));
        assertTrue(outcome.isPaid(), outcome.toString());
        assertEquals(1000L, outcome.totalAmount());
        Map<String, Object> paid = shop.awaitStatus(alice, order.get("id"), "PAID");
        assertEquals(1000, ((Map<?, ?>) paid.get("payment")).get("totalAmount"));
        assertEquals(Map.of("provider_receivable", 1000L, "sales_discounts", 200L, "sales_revenue", -1200L),
                postings(shop.ledgerFor(order.get("id")).get(0)));

        assertEquals(200, shop.refund(order.get("id"), "re_promo1").status());
        assertEquals(Map.of("sales_refunds", 1200L, "provider_receivable", -1000L, "sales_discounts", -200L),
                postings(shop.ledgerFor(order.get("id")).get(1)));
        assertBooksBalance(order.get("id"));
    }

    @Test
    void aCodeWithdrawnBetweenOrderAndPaymentRefusesThePayment() {
        String sku = shop.product("DIGITAL", null, 100, 1200);
        Map<String, Object> code = promo.code(PromoFixture.codeName("pulled"), "percentOff", 10);
        String alice = shop.buyer(ALICE, "en");
        String chinese = shop.buyer(LI, "zh-hans");
        Map<String, Object> order = placed(promo.order(alice, "XTR", sku, 1, code.get("code").toString()));
        Map<String, Object> zhOrder = placed(promo.order(chinese, "XTR", sku, 1, code.get("code").toString()));

        assertEquals(200, promo.deactivate(code.get("id")).status());
        PayOutcome refused = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));
        PayOutcome zhRefused = telegram.pay((String) zhOrder.get("invoiceLink"), PayRequest.stars(LI));

        assertFalse(refused.isPaid());
        assertTrue(refused.reason().contains("promo code on this order is no longer valid"), refused.reason());
        assertTrue(zhRefused.reason().contains("优惠码已失效"), zhRefused.reason());
        assertEquals("PENDING_PAYMENT", shop.orderNow(alice, order.get("id")).get("status"));
        assertEquals(List.of(), shop.ledgerFor(order.get("id")));
        assertTrue(api.admin(HttpRequest.GET("/api/admin/orders/" + order.get("id"))).body().toString()
                .contains("PRE_CHECKOUT_REFUSED"), "the refusal is on the timeline");
    }

    @Test
    void aCategoryCodeOnAMixedCardCartTakesItsPercentOffTheLinesInScopeAndBooksIt() {
        String lamps = promo.category("lamps");
        String lamp = promo.productIn(lamps, 100, 1200);
        String cable = shop.product("DIGITAL", null, 100, 1000);
        String code = PromoFixture.codeName("lamps25").toUpperCase();
        promo.code(code, "percentOff", 25, "categories", List.of(lamps));
        String alice = shop.buyer(ALICE, "en");
        Map<String, Integer> cart = new java.util.LinkedHashMap<>();
        cart.put(lamp, 1);
        cart.put(cable, 1);
        Map<String, Object> order = placed(promo.order(alice, "USD", cart, code));
        assertEquals(List.of(2200, 300, 1900), List.of(order.get("subtotalAmount"), order.get("discountAmount"),
                order.get("totalAmount")), "25% of the lamp's 12.00 only");

        Map<String, Object> invoice = telegram.invoice((String) order.get("invoiceLink")).orElseThrow();
        assertEquals(List.of(1200L, 1000L, -300L), ((List<?>) invoice.get("prices")).stream()
                .map(price -> ((Number) ((Map<?, ?>) price).get("amount")).longValue()).toList());
        PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.card(ALICE, GOOD_CARD));
        assertTrue(outcome.isPaid(), outcome.toString());
        shop.awaitStatus(alice, order.get("id"), "PAID");

        assertEquals(Map.of("provider_receivable", 1900L, "sales_discounts", 300L, "sales_revenue", -2200L),
                postings(shop.ledgerFor(order.get("id")).get(0)));
    }

    /** The operator deletes the code's only category while the order waits: the code covers no line any more. */
    @Test
    void aCategoryCodeWhoseProductsLeftItsCategoryBeforePaymentRefusesThePayment() {
        String vases = promo.category("vases");
        String vase = promo.productIn(vases, 100, 1200);
        Map<String, Object> code = promo.code(PromoFixture.codeName("vases"), "percentOff", 10,
                "categories", List.of(vases));
        String alice = shop.buyer(ALICE, "en");
        String chinese = shop.buyer(LI, "zh-hans");
        Map<String, Object> order = placed(promo.order(alice, "XTR", vase, 1, code.get("code").toString()));
        Map<String, Object> zhOrder = placed(promo.order(chinese, "XTR", vase, 1, code.get("code").toString()));

        assertEquals(204, api.admin(HttpRequest.DELETE("/api/admin/categories/" + vases)).status());
        PayOutcome refused = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));
        PayOutcome zhRefused = telegram.pay((String) zhOrder.get("invoiceLink"), PayRequest.stars(LI));

        assertFalse(refused.isPaid());
        assertTrue(refused.reason().contains("promo code on this order is out of scope"), refused.reason());
        assertTrue(zhRefused.reason().contains("优惠码已不适用"), zhRefused.reason());
        assertEquals("PENDING_PAYMENT", shop.orderNow(alice, order.get("id")).get("status"));
        assertEquals(List.of(), shop.ledgerFor(order.get("id")));
        assertTrue(api.admin(HttpRequest.GET("/api/admin/orders/" + order.get("id"))).body().toString()
                .contains("lapsed: OUT_OF_SCOPE"), "the timeline names why");
        assertEquals(List.of(), promo.view(code.get("id")).get("categories"), "the deleted category left the scope");
    }

    /**
     * The window closing while the order waits: the end is moved into the past in the database,
     * standing in for time passing (no clock is waited on).
     */
    @Test
    void aCodeWhoseWindowClosedBeforePaymentRefusesThePayment() {
        String sku = shop.product("DIGITAL", null, 100, 1200);
        Map<String, Object> code = promo.code(PromoFixture.codeName("ends"), "percentOff", 10,
                "endsAt", Instant.now().plusSeconds(3600).toString());
        String alice = shop.buyer(ALICE, "en");
        Map<String, Object> order = placed(promo.order(alice, "XTR", sku, 1, code.get("code").toString()));

        new Db(dataSource).update("UPDATE promo_codes SET ends_at = now() - interval '1 second' WHERE id = ?",
                ((Number) code.get("id")).longValue());
        PayOutcome refused = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE));

        assertFalse(refused.isPaid());
        assertTrue(refused.reason().contains("no longer valid"), refused.reason());
        assertEquals("PENDING_PAYMENT", shop.orderNow(alice, order.get("id")).get("status"));
        assertTrue(api.admin(HttpRequest.GET("/api/admin/orders/" + order.get("id"))).body().toString()
                .contains("lapsed: EXPIRED"), "the timeline names why");
    }

    private static Map<String, Object> placed(Api.Reply reply) {
        assertEquals(201, reply.status(), () -> String.valueOf(reply.body()));
        return reply.json();
    }

    /**
     * Trial balance: every currency's postings sum to zero (Stars exactly, in nanostars), and the ledger's own audit finds nothing
     * in this order's transactions (the database is shared: LedgerPostingTest leaves a double
     * reversal there on purpose, for the audit to find).
     */
    private void assertBooksBalance(Object orderId) {
        Map<String, Long> byCurrency = ledger.balances().stream().collect(Collectors.groupingBy(
                b -> b.currency(), Collectors.summingLong(b -> b.stars() == null ? b.balance() : b.stars().nanostars())));
        byCurrency.forEach((currency, sum) -> assertEquals(0L, sum, "trial balance in " + currency));
        Set<Long> ours = shop.ledgerFor(orderId).stream().map(t -> ((Number) t.get("id")).longValue())
                .collect(Collectors.toSet());
        assertEquals(2, ours.size(), "the payment and its refund");
        assertEquals(List.of(), ledger.checkInvariants().stream()
                .filter(v -> v.transactionId() == null || ours.contains(v.transactionId())).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> postings(Map<String, Object> transaction) {
        return ((List<Map<String, Object>>) transaction.get("postings")).stream().collect(Collectors.toMap(
                p -> (String) p.get("account"), p -> ((Number) p.get("amount")).longValue()));
    }
}

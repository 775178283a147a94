package dev.starshop.checkout;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.TelegramUpdates;
import dev.starshop.support.TelegramUpdates.Update;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payments the order cannot honour, posted to the webhook as Telegram would send them: the money is
 * recorded in full and balanced, the order waits for a refund decision, and redelivery changes nothing.
 */
@MicronautTest(transactional = false)
class LatePaymentTest {

    private static final AtomicLong NEXT_UPDATE = new AtomicLong(System.currentTimeMillis() * 10 + 5);
    private static final long BUYER = 100001;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    DataSource dataSource;

    Api api;
    Db db;
    CheckoutFixture shop;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        db = new Db(dataSource);
        shop = new CheckoutFixture(api, InitDataSigner.forToken(bot.token()), null);
    }

    @Test
    void aPaymentAfterCancelIsRecordedAndTheOrderNeedsReview() {
        String sku = shop.product("DIGITAL", 5, 100, 300);
        String buyer = shop.buyer(BUYER, "en");
        Object orderId = shop.order(buyer, "XTR", sku, 1).get("id");
        shop.cancel(buyer, orderId);
        String charge = "stx-late-" + UUID.randomUUID();

        String update = successfulPayment(charge, orderId.toString(), 100).json();
        assertEquals(200, deliver(update).status());
        assertEquals(200, deliver(update).status(), "a redelivery is acknowledged");

        assertEquals("NEEDS_REVIEW", shop.orderNow(buyer, orderId).get("status"));
        assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ? AND needs_review",
                charge));
        assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?", charge));
        assertEquals(0, db.count("SELECT coalesce(sum(p.amount), 0) FROM ledger_postings p JOIN ledger_transactions t "
                + "ON t.id = p.transaction_id WHERE t.telegram_charge_id = ?", charge));
    }

    @Test
    void aPaymentForAnUnknownPayloadIsStillRecorded() {
        String charge = "stx-unknown-" + UUID.randomUUID();

        assertEquals(200, deliver(successfulPayment(charge, "not-an-order-of-ours", 42)).status());

        assertEquals(1, db.count("SELECT count(*) FROM payments WHERE telegram_payment_charge_id = ? "
                + "AND order_id IS NULL AND needs_review AND total_amount = 42", charge));
        assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?", charge));
    }

    @Test
    void aMismatchedAmountPutsThePendingOrderUnderReview() {
        String sku = shop.product("DIGITAL", 5, 100, 300);
        String buyer = shop.buyer(BUYER, "en");
        Object orderId = shop.order(buyer, "XTR", sku, 2).get("id");
        String charge = "stx-short-" + UUID.randomUUID();

        assertEquals(200, deliver(successfulPayment(charge, orderId.toString(), 150)).status());

        assertEquals("NEEDS_REVIEW", shop.orderNow(buyer, orderId).get("status"));
        assertEquals(1, db.count("SELECT count(*) FROM ledger_transactions WHERE telegram_charge_id = ?", charge));
    }

    @Test
    void aPreCheckoutWithTheWrongTotalIsRefusedAndRecordedOnTheTimeline() {
        String sku = shop.product("DIGITAL", 5, 100, 300);
        String buyer = shop.buyer(BUYER, "en");
        Object orderId = shop.order(buyer, "XTR", sku, 1).get("id");

        assertEquals(200, deliver(preCheckout(orderId.toString(), 99)).status());
        assertEquals(200, deliver(preCheckout("no-such-order", 99)).status());

        assertEquals(1, db.count("SELECT count(*) FROM order_events WHERE order_id = ? AND kind = "
                + "'PRE_CHECKOUT_REFUSED'", UUID.fromString(orderId.toString())));
        assertEquals("PENDING_PAYMENT", shop.orderNow(buyer, orderId).get("status"));
    }

    @Test
    void anOrderPaidTwiceIsRefundedOnlyOnceBothChargesAreBack() {
        String sku = shop.product("DIGITAL", 5, 100, 300);
        String buyer = shop.buyer(BUYER, "en");
        Object orderId = shop.order(buyer, "XTR", sku, 1).get("id");
        String first = "stx-twice-a-" + UUID.randomUUID();
        String second = "stx-twice-b-" + UUID.randomUUID();
        assertEquals(200, deliver(successfulPayment(first, orderId.toString(), 100)).status());
        assertEquals(200, deliver(successfulPayment(second, orderId.toString(), 100)).status());
        assertEquals("NEEDS_REVIEW", shop.orderNow(buyer, orderId).get("status"));

        assertEquals(200, deliver(refundedPayment(first, orderId.toString(), 100)).status());
        assertEquals("NEEDS_REVIEW", shop.orderNow(buyer, orderId).get("status"),
                "the second charge is still held: the order stays under review");

        assertEquals(200, deliver(refundedPayment(second, orderId.toString(), 100)).status());
        assertEquals("REFUNDED", shop.orderNow(buyer, orderId).get("status"));
        assertEquals(4, db.count("SELECT count(*) FROM ledger_transactions WHERE order_id = ?",
                UUID.fromString(orderId.toString())));
    }

    @Test
    void theOperatorRefundsEachChargeOfAnOrderPaidTwiceThenNoMore() {
        String sku = shop.product("DIGITAL", 5, 100, 300);
        String buyer = shop.buyer(BUYER, "en");
        Object orderId = shop.order(buyer, "USD", sku, 1).get("id");
        deliver(inUsd(successfulPayment("card-a-" + UUID.randomUUID(), orderId.toString(), 300)));
        deliver(inUsd(successfulPayment("card-b-" + UUID.randomUUID(), orderId.toString(), 300)));
        assertEquals("NEEDS_REVIEW", shop.orderNow(buyer, orderId).get("status"));

        assertEquals(200, shop.refund(orderId, "re_first").status());
        assertEquals("NEEDS_REVIEW", shop.orderNow(buyer, orderId).get("status"), "one charge is still held");
        assertEquals(200, shop.refund(orderId, "re_second").status());
        assertEquals("REFUNDED", shop.orderNow(buyer, orderId).get("status"));
        assertEquals(409, shop.refund(orderId, "re_third").status());
        assertEquals(2, db.count("SELECT count(*) FROM payments WHERE order_id = ? AND kind = 'REFUND'",
                UUID.fromString(orderId.toString())));
    }

    @Test
    void timelineTextsShowAmountsTheWayReceiptsDo() {
        String sku = shop.product("DIGITAL", 5, 100, 300);
        String buyer = shop.buyer(BUYER, "en");
        Object paid = shop.order(buyer, "USD", sku, 1).get("id");
        Object shortPaid = shop.order(buyer, "USD", sku, 1).get("id");
        Object stars = shop.order(buyer, "XTR", sku, 1).get("id");
        String card = "card-text-" + UUID.randomUUID();
        String shortCard = "card-short-" + UUID.randomUUID();
        String star = "stx-text-" + UUID.randomUUID();

        assertEquals(200, deliver(inUsd(preCheckout(paid.toString(), 299))).status());
        assertEquals(200, deliver(inUsd(successfulPayment(card, paid.toString(), 300))).status());
        assertEquals(200, deliver(inUsd(successfulPayment(shortCard, shortPaid.toString(), 250))).status());
        assertEquals(200, deliver(successfulPayment(star, stars.toString(), 100)).status());
        assertEquals(200, shop.refund(paid, "re_text").status());

        assertEquals("total 2.99 USD does not match order 3.00 USD without shipping and an allowed tip",
                event(paid, "PRE_CHECKOUT_REFUSED"));
        assertEquals("paid 3.00 USD (charge " + card + ")", event(paid, "PAID"));
        assertEquals("refunded 3.00 USD (OPERATOR, reference re_text)", event(paid, "REFUNDED"));
        assertEquals("paid 2.50 USD, order expects 3.00 USD plus shipping and an allowed tip (charge " + shortCard
                + ")", event(shortPaid, "NEEDS_REVIEW"));
        assertEquals("paid 100 \u2B50 (charge " + star + ")", event(stars, "PAID"));
    }

    private String event(Object orderId, String kind) {
        return db.text("SELECT detail FROM order_events WHERE order_id = ? AND kind = ?",
                UUID.fromString(orderId.toString()), kind);
    }

    private static String inUsd(Update update) {
        return update.currency("USD").json();
    }

    private Api.Reply deliver(Update update) {
        return deliver(update.json());
    }

    private Api.Reply deliver(String update) {
        return api.send(HttpRequest.POST("/telegram/webhook", update).contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret"));
    }

    private static Update successfulPayment(String charge, String payload, long stars) {
        return TelegramUpdates.successfulPayment().updateId(NEXT_UPDATE.incrementAndGet()).buyer(BUYER, "Alice")
                .total(stars).payload(payload).charge(charge);
    }

    private static Update refundedPayment(String charge, String payload, long stars) {
        return TelegramUpdates.refundedPayment().updateId(NEXT_UPDATE.incrementAndGet()).buyer(BUYER, "Alice")
                .total(stars).payload(payload).charge(charge);
    }

    private static Update preCheckout(String payload, long stars) {
        return TelegramUpdates.preCheckoutQuery().updateId(NEXT_UPDATE.incrementAndGet()).buyer(BUYER, "Alice")
                .total(stars).payload(payload);
    }
}

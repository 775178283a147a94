package dev.starshop.sandbox;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Payments end to end: the bot is a webhook that answers over the Bot API, like a real one. */
@MicronautTest
@Property(name = "spec.name", value = "SandboxWebhook")
@Property(name = "starshop.sandbox.pre-checkout-timeout", value = "700ms")
@Property(name = "starshop.sandbox.retry-base", value = "20ms")
@Property(name = "starshop.sandbox.retry-cap", value = "100ms")
class PaymentsOverWebhookTest extends SandboxWebhookTestBase {

    @BeforeEach
    void registerTheWebhook() {
        BotApiClient.Reply set = bot.call("setWebhook", Map.of("url", server.getURL() + "/test-webhook",
                "secret_token", "s3cret_-X"));
        assertEquals(200, set.status(), String.valueOf(set.body()));
    }

    String starsLink(long amount, Object... extra) {
        Map<String, Object> params = BotApiSurfaceTest.with(BotApiSurfaceTest.starsInvoice(), extra);
        params.put("prices", List.of(Map.of("label", "Pack", "amount", amount)));
        return (String) bot.call("createInvoiceLink", params).result();
    }

    @Test
    void aStarsPaymentDebitsTheBuyerAndDeliversSuccessfulPayment() {
        PayOutcome outcome = sandbox.pay(starsLink(120), PayRequest.stars(ALICE));

        assertEquals("paid", outcome.status(), outcome.reason());
        assertEquals(5000 - 120, sandbox.user(ALICE).orElseThrow().starBalance());
        BotApiClient.await("successful_payment", () -> webhook.messagesWith("successful_payment").size() == 1);
        Map<String, Object> query = preCheckoutQueries().get(0);
        assertEquals("XTR", query.get("currency"));
        assertEquals(120, query.get("total_amount"));
        assertEquals("order-1", query.get("invoice_payload"));
        assertEquals(ALICE, ((Number) ((Map<?, ?>) query.get("from")).get("id")).longValue());
        Map<String, Object> payment = webhook.messagesWith("successful_payment").get(0);
        assertEquals(outcome.telegramPaymentChargeId(), payment.get("telegram_payment_charge_id"));
        assertEquals("", payment.get("provider_payment_charge_id"));
        assertEquals(120, payment.get("total_amount"));
        assertTrue(webhook.deliveries.stream().allMatch(d -> "s3cret_-X".equals(d.secret())));
        assertEquals(120, ((Number) bot.call("getMyStarBalance", Map.of()).resultObject().get("amount")).intValue());
    }

    @Test
    void aRejectedPreCheckoutChargesNothing() {
        webhook.preCheckout = RecordingWebhook.PreCheckout.REJECT;

        PayOutcome outcome = sandbox.pay(starsLink(100), PayRequest.stars(ALICE));

        assertEquals(new PayOutcome("failed", "Sold out", null, null), outcome);
        assertNoCharge();
    }

    @Test
    void anUnansweredPreCheckoutTimesOutAndChargesNothing() {
        webhook.preCheckout = RecordingWebhook.PreCheckout.IGNORE;

        PayOutcome outcome = sandbox.pay(starsLink(100), PayRequest.stars(ALICE));

        assertEquals("failed", outcome.status());
        assertEquals("pre-checkout query was not answered in time", outcome.reason());
        assertNoCharge();
        String queryId = (String) preCheckoutQueries().get(0).get("id");
        BotApiClient.Reply late = bot.call("answerPreCheckoutQuery", Map.of("pre_checkout_query_id", queryId, "ok", true));
        assertEquals("Bad Request: query is too old and response timeout expired or query ID is invalid",
                late.description());
    }

    @Test
    void anAnswerInTheWebhookResponseBodyIsHonoured() {
        webhook.preCheckout = RecordingWebhook.PreCheckout.IN_RESPONSE_BODY;

        assertEquals("paid", sandbox.pay(starsLink(10), PayRequest.stars(ALICE)).status());
    }

    @Test
    void tooFewStarsFailsBeforeThePreCheckout() {
        PayOutcome outcome = sandbox.pay(starsLink(51), PayRequest.stars(BOB));

        assertEquals("failed", outcome.status());
        assertEquals(50, sandbox.user(BOB).orElseThrow().starBalance());
        assertTrue(preCheckoutQueries().isEmpty());
    }

    @Test
    void aDeclinedCardIsNotCharged() {
        String link = (String) bot.call("createInvoiceLink", cardInvoice()).result();

        PayOutcome declined = sandbox.pay(link, PayRequest.card(ALICE, "4000 0000 0000 0002"));
        PayOutcome paid = sandbox.pay(link, PayRequest.card(ALICE, "4242 4242 4242 4242"));

        assertEquals(new PayOutcome("failed", "card_declined", null, null), declined);
        assertEquals("paid", paid.status());
        BotApiClient.await("card payment", () -> webhook.messagesWith("successful_payment").size() == 1);
        Map<String, Object> payment = webhook.messagesWith("successful_payment").get(0);
        assertEquals("USD", payment.get("currency"));
        assertTrue(((String) payment.get("provider_payment_charge_id")).startsWith("ch_"));
        assertEquals(2, preCheckoutQueries().size());
    }

    @Test
    void aFlexibleInvoiceAsksForShippingFirst() {
        Map<String, Object> params = BotApiSurfaceTest.with(cardInvoice(), "is_flexible", true,
                "need_shipping_address", true, "max_tip_amount", 300);
        String link = (String) bot.call("createInvoiceLink", params).result();
        PayRequest request = new PayRequest(ALICE, "card", "4242424242424242",
                Map.of("country_code", "DE", "city", "Berlin", "street_line1", "Unter den Linden 1", "post_code", "10117"),
                null, 200L, null, null, null, null);

        PayOutcome outcome = sandbox.pay(link, request);

        assertEquals("paid", outcome.status(), outcome.reason());
        assertEquals(1999 + 500 + 200, outcome.totalAmount());
        Map<String, Object> query = preCheckoutQueries().get(0);
        assertEquals("courier", query.get("shipping_option_id"));
        assertEquals("Berlin", ((Map<?, ?>) ((Map<?, ?>) query.get("order_info")).get("shipping_address")).get("city"));
        assertEquals(1, webhook.withField("shipping_query").size());
    }

    @Test
    void aRefundRestoresTheBalanceOnceAndIsAnnounced() {
        PayOutcome paid = sandbox.pay(starsLink(300), PayRequest.stars(ALICE));
        Map<String, Object> refund = Map.of("user_id", ALICE, "telegram_payment_charge_id", paid.telegramPaymentChargeId());

        BotApiClient.Reply first = bot.call("refundStarPayment", refund);
        BotApiClient.Reply second = bot.call("refundStarPayment", refund);

        assertEquals(true, first.result());
        assertEquals(5000, sandbox.user(ALICE).orElseThrow().starBalance());
        assertEquals(400, second.status());
        assertEquals("Bad Request: CHARGE_ALREADY_REFUNDED", second.description());
        BotApiClient.await("refunded_payment", () -> webhook.messagesWith("refunded_payment").size() == 1);
        assertEquals(paid.telegramPaymentChargeId(),
                webhook.messagesWith("refunded_payment").get(0).get("telegram_payment_charge_id"));
        List<Map<String, Object>> history = transactions();
        assertEquals(2, history.size());
        assertEquals("order-1", ((Map<?, ?>) history.get(0).get("source")).get("invoice_payload"));
        assertEquals(paid.telegramPaymentChargeId(), history.get(1).get("id"));
        assertTrue(history.get(1).containsKey("receiver"));
    }

    @Test
    void aSubscriptionRenewsWithANewChargeAndRecurringFlags() {
        PayOutcome first = sandbox.pay(starsLink(250, "subscription_period", 2592000), PayRequest.stars(ALICE));
        PayOutcome renewal = sandbox.renewSubscription(first.telegramPaymentChargeId());

        assertEquals("paid", renewal.status(), renewal.reason());
        assertNotEquals(first.telegramPaymentChargeId(), renewal.telegramPaymentChargeId());
        assertEquals(5000 - 500, sandbox.user(ALICE).orElseThrow().starBalance());
        BotApiClient.await("two payments", () -> webhook.messagesWith("successful_payment").size() == 2);
        Map<String, Object> initial = webhook.messagesWith("successful_payment").get(0);
        Map<String, Object> renewed = webhook.messagesWith("successful_payment").get(1);
        assertEquals(true, initial.get("is_recurring"));
        assertEquals(true, initial.get("is_first_recurring"));
        long in30Days = Instant.now().getEpochSecond() + 2592000;
        assertTrue(Math.abs(((Number) initial.get("subscription_expiration_date")).longValue() - in30Days) < 60);
        assertEquals(true, renewed.get("is_recurring"));
        assertNull(renewed.get("is_first_recurring"), "Telegram omits false flags");
        assertEquals(((Number) initial.get("subscription_expiration_date")).longValue() + 2592000,
                ((Number) renewed.get("subscription_expiration_date")).longValue());
        bot.call("editUserStarSubscription", Map.of("user_id", ALICE,
                "telegram_payment_charge_id", first.telegramPaymentChargeId(), "is_canceled", true));
        assertFalse(sandbox.renewSubscription(first.telegramPaymentChargeId()).isPaid());
    }

    static Map<String, Object> cardInvoice() {
        return BotApiSurfaceTest.with(BotApiSurfaceTest.starsInvoice(), "currency", "USD",
                "provider_token", "284685063:TEST:sandbox", "prices", List.of(Map.of("label", "Hoodie", "amount", 1999)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> preCheckoutQueries() {
        return webhook.withField("pre_checkout_query").stream()
                .map(d -> (Map<String, Object>) d.update().get("pre_checkout_query")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> transactions() {
        return (List<Map<String, Object>>) bot.call("getStarTransactions", Map.of()).resultObject().get("transactions");
    }

    private void assertNoCharge() {
        assertEquals(5000, sandbox.user(ALICE).orElseThrow().starBalance());
        assertTrue(transactions().isEmpty());
        assertTrue(sandbox.updates().stream().noneMatch(u -> "message".equals(u.get("kind"))));
    }
}

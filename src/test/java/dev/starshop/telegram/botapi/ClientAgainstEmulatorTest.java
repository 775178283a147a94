package dev.starshop.telegram.botapi;

import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxTelegram;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@link BotApiClient} against the real sandbox emulator over HTTP, payments side: every
 * request the client builds is accepted as meant, and every answer parses into the typed result.
 */
@MicronautTest(transactional = false)
@Property(name = "spec.name", value = "ClientAgainstEmulatorTest")
class ClientAgainstEmulatorTest {

    static final long ALICE = 100001L;
    static final String CARD_TOKEN = "284685063:TEST:sandbox";
    static final Map<String, String> ADDRESS = Map.of("country_code", "DE", "state", "", "city", "Berlin",
            "street_line1", "Unter den Linden 1", "street_line2", "", "post_code", "10117");

    @Inject
    BotApiClient client;

    @Inject
    SandboxTelegram sandbox;

    @Inject
    EmulatorTestBot bot;

    @Inject
    EmbeddedServer server;

    @BeforeEach
    void botListensOnItsWebhook() {
        sandbox.reset();
        bot.clear();
        client.setWebhook(new SetWebhook(server.getURL() + EmulatorTestBot.PATH, null, null, null, null, null));
    }

    @Test
    void aStarsInvoiceLinkIsOneTheEmulatorKnows() {
        String link = client.createInvoiceLink(stars(120));

        Map<String, Object> invoice = invoice(link);
        assertEquals("XTR", invoice.get("currency"));
        assertEquals(120L, ((Number) invoice.get("totalAmount")).longValue());
        assertEquals("order-1", invoice.get("payload"));
    }

    @Test
    void anEmptyListOfSuggestedTipsIsNoTipsForAStarsInvoiceOnBothSides() {
        String link = client.createInvoiceLink(stars(120).withTips(0L, List.of()));

        assertEquals("XTR", invoice(link).get("currency"));
    }

    @Test
    void aCardInvoiceWithTipsShippingAndPhotoIsAccepted() {
        Map<String, Object> invoice = invoice(client.createInvoiceLink(card()));

        assertEquals("USD", invoice.get("currency"));
        assertEquals(1000L + 90, ((Number) invoice.get("totalAmount")).longValue());
        assertEquals(true, invoice.get("isFlexible"));
        assertEquals(true, invoice.get("needShippingAddress"));
    }

    @Test
    void aStarsSubscriptionInvoiceKeepsItsPeriod() {
        Map<String, Object> invoice = invoice(client.createInvoiceLink(subscription(300)));

        assertEquals(CreateInvoiceLink.THIRTY_DAYS, ((Number) invoice.get("subscriptionPeriod")).intValue());
    }

    @Test
    void aStarsPaymentShowsInTheBalanceAndTheTypedTransactions() {
        String chargeId = payStars(client.createInvoiceLink(stars(120)));

        assertEquals(new StarAmount(120, null), client.getMyStarBalance());
        List<StarTransaction> all = client.getStarTransactions(new GetStarTransactions(null, null)).transactions();
        assertEquals(1, all.size());
        StarTransaction payment = all.get(0);
        assertEquals(chargeId, payment.id());
        assertEquals(120, payment.amount());
        assertRecent(payment.date());
        assertEquals(null, payment.receiver());
        assertBuyer(payment.source(), "order-1", null);
    }

    @Test
    void aRefundGivesTheStarsBackOnceAndTheSecondTimeSaysAlreadyRefunded() {
        String chargeId = payStars(client.createInvoiceLink(stars(120)));

        assertTrue(client.refundStarPayment(new RefundStarPayment(ALICE, chargeId)));
        BotApiException again = assertThrows(BotApiException.class,
                () -> client.refundStarPayment(new RefundStarPayment(ALICE, chargeId)));

        assertTrue(again.isChargeAlreadyRefunded(), again.description());
        assertEquals(5000, sandbox.user(ALICE).orElseThrow().starBalance());
        assertEquals(0, client.getMyStarBalance().amount());
        StarTransaction refund = client.getStarTransactions(new GetStarTransactions(1, 10)).transactions().get(0);
        assertEquals(chargeId, refund.id());
        assertBuyer(refund.receiver(), "order-1", null);
        RefundedPayment refunded = bot.await(u -> u.message() == null ? null : u.message().refundedPayment());
        assertEquals(new RefundedPayment("XTR", 120, "order-1", chargeId, null), refunded);
    }

    @Test
    void aSubscriptionCanBeCanceledAndReEnabled() {
        String chargeId = payStars(client.createInvoiceLink(subscription(300)));
        SuccessfulPayment first = bot.await(u -> u.message() == null ? null : u.message().successfulPayment());
        assertEquals(Boolean.TRUE, first.isFirstRecurring());
        assertNotNull(first.subscriptionExpirationDate());

        assertTrue(client.editUserStarSubscription(new EditUserStarSubscription(ALICE, chargeId, true)));
        assertEquals("failed", sandbox.renewSubscription(chargeId).status());
        assertTrue(client.editUserStarSubscription(new EditUserStarSubscription(ALICE, chargeId, false)));
        assertTrue(sandbox.renewSubscription(chargeId).isPaid());
        BotApiException unknown = assertThrows(BotApiException.class,
                () -> client.editUserStarSubscription(new EditUserStarSubscription(ALICE, "stx-unknown", true)));
        assertTrue(unknown.isChargeNotFound(), unknown.description());

        StarTransaction renewal = client.getStarTransactions(new GetStarTransactions(1, null)).transactions().get(0);
        assertBuyer(renewal.source(), "order-1", CreateInvoiceLink.THIRTY_DAYS);
    }

    @Test
    void aShippingQueryAnsweredWithOptionsLetsTheBuyerPayForTheChosenOne() {
        PayOutcome outcome = sandbox.pay(client.createInvoiceLink(card()), cardWithAddress("post"));

        assertTrue(outcome.isPaid(), outcome.reason());
        assertEquals(1090L + 220, outcome.totalAmount());
        ShippingQuery query = bot.await(Update::shippingQuery);
        assertEquals(new ShippingAddress("DE", "", "Berlin", "Unter den Linden 1", "", "10117"),
                query.shippingAddress());
        assertEquals(ALICE, query.sender().id());
        SuccessfulPayment paid = bot.await(u -> u.message() == null ? null : u.message().successfulPayment());
        assertEquals("post", paid.shippingOptionId());
        assertEquals(query.shippingAddress(), paid.orderInfo().shippingAddress());
        assertEquals(1310, paid.totalAmount());
    }

    @Test
    void aShippingQueryAnsweredWithAnErrorStopsThePayment() {
        bot.shippingRefusal = "We do not ship to Germany";

        PayOutcome outcome = sandbox.pay(client.createInvoiceLink(card()), cardWithAddress(null));

        assertEquals("failed", outcome.status());
        assertEquals("We do not ship to Germany", outcome.reason());
    }

    @Test
    void aMessageToABuyerComesBackTypedAndAnUnknownChatIsRefused() {
        Message sent = client.sendMessage(new SendMessage(ALICE, "Your order shipped", null,
                InlineKeyboardMarkup.single(InlineKeyboardButton.link("Track", "https://example.org/t/1"))));

        assertEquals("Your order shipped", sent.text());
        assertEquals(ALICE, sent.chat().id());
        assertEquals("private", sent.chat().type());
        assertTrue(sent.sender().isBot());
        assertRecent(sent.date());
        BotApiException unknown = assertThrows(BotApiException.class,
                () -> client.sendMessage(SendMessage.text(999L, "hello?")));
        assertEquals(400, unknown.errorCode());
        assertEquals("Bad Request: chat not found", unknown.description());
    }

    private String payStars(String link) {
        PayOutcome outcome = sandbox.pay(link, PayRequest.stars(ALICE));
        assertTrue(outcome.isPaid(), outcome.reason());
        return outcome.telegramPaymentChargeId();
    }

    private Map<String, Object> invoice(String link) {
        assertTrue(link.matches("https://t\\.me/\\$[A-Za-z0-9_-]{22}"), link);
        return sandbox.invoice(link).orElseThrow(() -> new AssertionError("emulator does not know " + link));
    }

    private static void assertBuyer(TransactionPartner partner, String payload, Integer period) {
        assertTrue(partner.isUser(), partner.type());
        assertEquals("invoice_payment", partner.transactionType());
        assertEquals(ALICE, partner.user().id());
        assertEquals("Alice", partner.user().firstName());
        assertEquals(payload, partner.invoicePayload());
        assertEquals(period, partner.subscriptionPeriod());
    }

    private static void assertRecent(long unixSeconds) {
        long now = Instant.now().getEpochSecond();
        assertTrue(Math.abs(now - unixSeconds) < 60, "date " + unixSeconds + " is not now (" + now + ")");
    }

    private static PayRequest cardWithAddress(String optionId) {
        return new PayRequest(ALICE, "card", "4242 4242 4242 4242", ADDRESS, optionId, null, null, null, null, null);
    }

    static CreateInvoiceLink stars(long amount) {
        return CreateInvoiceLink.stars("Star pack", "120 sparkling stars", "order-1", new LabeledPrice("Pack", amount));
    }

    static CreateInvoiceLink subscription(long amount) {
        return stars(amount).withSubscriptionPeriod(CreateInvoiceLink.THIRTY_DAYS);
    }

    /** Every optional field a card invoice can have, as the spec names them. */
    static CreateInvoiceLink card() {
        return new CreateInvoiceLink(null, "Mug", "A mug with a star", "order-2", CARD_TOKEN, "USD",
                List.of(new LabeledPrice("Mug", 1000), new LabeledPrice("Tax", 90)), null, 300L,
                List.of(100L, 200L, 300L), "{\"sku\":\"mug\"}", "https://example.org/mug.png", 12000, 640, 480,
                true, false, true, true, false, false, true);
    }
}

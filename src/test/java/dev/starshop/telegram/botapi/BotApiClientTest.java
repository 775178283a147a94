package dev.starshop.telegram.botapi;

import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.TelegramSettings;
import dev.starshop.telegram.botapi.FakeTelegram.Reply;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against a fake Bot API served by the same test server, replaying envelopes in the
 * shape Telegram sends them. A configured bot token puts the engine in production (non-sandbox) mode.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "BotApiClientTest")
@Property(name = "starshop.telegram.bot-token", value = BotApiClientTest.TOKEN)
class BotApiClientTest implements TestPropertyProvider {

    static final String TOKEN = "123456:SeCrEt-T0ken_For-Tests-Only-abcdefg";
    static final String REFUNDED = "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: CHARGE_ALREADY_REFUNDED\"}";
    static final String FLOOD = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
            + "\"parameters\":{\"retry_after\":1}}";
    static final String UNAUTHORIZED = "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}";
    static final String BAD_GATEWAY = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n";
    static final String LINK = "{\"ok\":true,\"result\":\"https://t.me/$abc\"}";

    @Inject
    BotApiClient client;
    @Inject
    FakeTelegram fake;
    @Inject
    RecordingSleeper sleeper;
    @Inject
    MeterRegistry meters;
    @Inject
    JsonMapper json;
    @Inject
    BotApiEndpoint exchangeEndpoint;
    @Inject
    BotApiSettings settings;

    private int port;

    @Override
    public Map<String, String> getProperties() {
        port = freePort();
        return Map.of("micronaut.server.port", String.valueOf(port),
                "starshop.telegram.api-url", "http://127.0.0.1:" + port + "/fake-telegram/");
    }

    @BeforeEach
    void reset() {
        fake.reset();
        sleeper.waits.clear();
    }

    @Test
    void createInvoiceLinkAnswersTheLinkAndSendsSpecFieldNamesWithoutNulls() {
        fake.reply("createInvoiceLink", Reply.json(200, LINK));

        String link = client.createInvoiceLink(CreateInvoiceLink.stars("Star mug", "A mug", "order:42",
                new LabeledPrice("Mug", 250)));

        assertEquals("https://t.me/$abc", link);
        FakeTelegram.Call call = fake.calls("createInvoiceLink").get(0);
        assertEquals(TOKEN, call.token());
        assertFalse(call.testEnvironment());
        assertTrue(call.body().contains("\"provider_token\":\"\""), call.body());
        assertTrue(call.body().contains("\"prices\":[{\"label\":\"Mug\",\"amount\":250}]"), call.body());
        assertFalse(call.body().contains("null"), "optional fields are left out: " + call.body());
    }

    @Test
    void aRefusedRefundIsATypedErrorThatTellsItWasAlreadyRefunded() {
        fake.reply("refundStarPayment", Reply.json(400, REFUNDED));

        BotApiException e = assertThrows(BotApiException.class,
                () -> client.refundStarPayment(new RefundStarPayment(42, "stxCharge1")));

        assertEquals(400, e.errorCode());
        assertEquals(BotApiException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.isChargeAlreadyRefunded());
        assertEquals("refundStarPayment", e.method());
        assertEquals(1, fake.calls("refundStarPayment").size());
    }

    @Test
    void unauthorizedIsFinalAndNotRetried() {
        fake.reply("getWebhookInfo", Reply.json(401, UNAUTHORIZED), Reply.json(401, UNAUTHORIZED));

        BotApiException e = assertThrows(BotApiException.class, () -> client.getWebhookInfo());

        assertEquals(BotApiException.Kind.UNAUTHORIZED, e.kind());
        assertEquals(1, fake.calls("getWebhookInfo").size());
    }

    @Test
    void floodControlWaitsRetryAfterThenSucceeds() {
        fake.reply("sendMessage", Reply.json(429, FLOOD), Reply.json(200,
                "{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1700000000,\"chat\":{\"id\":42,\"type\":\"private\"},"
                        + "\"text\":\"Paid\",\"some_future_field\":{\"x\":1}}}"));

        Message sent = client.sendMessage(SendMessage.text(42, "Paid"));

        assertEquals(7, sent.messageId());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits);
        assertEquals(2, fake.calls("sendMessage").size());
    }

    @Test
    void aFloodWaitLongerThanTheCapGoesToTheCaller() {
        fake.reply("setMyCommands", Reply.json(429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 600\","
                        + "\"parameters\":{\"retry_after\":600}}"));

        BotApiException e = assertThrows(BotApiException.class,
                () -> client.setMyCommands(new SetMyCommands(List.of(new BotCommand("shop", "Open the shop")), null)));

        assertEquals(600, e.retryAfter());
        assertTrue(sleeper.waits.isEmpty());
    }

    @Test
    void aBadGatewayPageIsRetriedWithBackoffForASafeMethod() {
        fake.reply("getMyStarBalance", Reply.html(502, BAD_GATEWAY), Reply.html(502, BAD_GATEWAY),
                Reply.json(200, "{\"ok\":true,\"result\":{\"amount\":1500}}"));

        StarAmount balance = client.getMyStarBalance();

        assertEquals(1500, balance.amount());
        assertEquals(3, fake.calls("getMyStarBalance").size());
        assertEquals(2, sleeper.waits.size());
        assertTrue(sleeper.waits.get(0).toMillis() >= 100 && sleeper.waits.get(0).toMillis() <= 200, "" + sleeper.waits);
        assertTrue(sleeper.waits.get(1).toMillis() >= 200 && sleeper.waits.get(1).toMillis() <= 400, "" + sleeper.waits);
    }

    @Test
    void aBadGatewayIsNotRetriedForSendMessage() {
        fake.reply("sendMessage", Reply.html(502, BAD_GATEWAY), Reply.json(200, "{\"ok\":true,\"result\":true}"));

        BotApiUnavailableException e = assertThrows(BotApiUnavailableException.class,
                () -> client.sendMessage(SendMessage.text(42, "Hello")));

        assertEquals(BotApiUnavailableException.Reason.SERVER_ERROR, e.reason());
        assertEquals(1, fake.calls("sendMessage").size());
        assertTrue(sleeper.waits.isEmpty());
    }

    @Test
    void aRefundThatTimesOutSurfacesAsUnavailableAndIsNotRepeated() {
        fake.reply("refundStarPayment", Reply.slow(1500), Reply.json(400, REFUNDED));
        // A short read timeout for this client only: a global one would make other tests flaky on a busy machine.
        BotApiSettings impatient = new BotApiSettings(Duration.ofSeconds(5), Duration.ofMillis(500),
                Duration.ofSeconds(75), 3, Duration.ofMillis(200), Duration.ofSeconds(30));
        BotApiUnavailableException e;
        try (BotApiTransport transport = new BotApiTransport(impatient)) {
            BotApiClient impatientClient = new BotApiClient(new BotApiExchange(exchangeEndpoint, transport, json,
                    new RetryPolicy(impatient, sleeper), meters), impatient);
            e = assertThrows(BotApiUnavailableException.class,
                    () -> impatientClient.refundStarPayment(new RefundStarPayment(42, "stxCharge2")));
        }

        assertEquals(BotApiUnavailableException.Reason.TIMEOUT, e.reason());
        assertEquals(1, fake.calls("refundStarPayment").size());
        assertTokenAbsent(e);
    }

    @Test
    void theTokenAppearsInNoMessageStackTraceOrMetricTag() {
        fake.reply("deleteWebhook", Reply.json(400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: /bot" + TOKEN + "/deleteWebhook\"}"));
        fake.reply("setWebhook", Reply.json(401, UNAUTHORIZED));

        BotApiException echoed = assertThrows(BotApiException.class, () -> client.deleteWebhook(new DeleteWebhook(true)));
        BotApiException refused = assertThrows(BotApiException.class,
                () -> client.setWebhook(new SetWebhook("https://shop.example/telegram/webhook", "s3cret", null, null, null, null)));
        BotApiRequestInvalidException invalid = assertThrows(BotApiRequestInvalidException.class,
                () -> client.setWebhook(new SetWebhook("https://x", "bad secret!", null, null, null, null)));

        assertTokenAbsent(echoed);
        assertTokenAbsent(refused);
        assertTokenAbsent(invalid);
        assertFalse(invalid.getMessage().contains("bad secret!"));
        for (Meter meter : meters.find(BotApiExchange.TIMER).meters()) {
            meter.getId().getTags().forEach(tag -> assertFalse(tag.getValue().contains(TOKEN), tag.toString()));
        }
    }

    @Test
    void callsAreTimedByMethodAndOutcome() {
        fake.reply("answerPreCheckoutQuery", Reply.json(200, "{\"ok\":true,\"result\":true}"));
        fake.reply("answerShippingQuery", Reply.json(400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: query is too old and response timeout expired or query ID is invalid\"}"));

        assertTrue(client.answerPreCheckoutQuery(AnswerPreCheckoutQuery.accept("q1")));
        BotApiException late = assertThrows(BotApiException.class,
                () -> client.answerShippingQuery(AnswerShippingQuery.refuse("q2", "We do not ship there")));

        assertTrue(late.isQueryExpired());
        assertNotNull(meters.find(BotApiExchange.TIMER).tags("method", "answerPreCheckoutQuery", "outcome", "ok").timer());
        assertNotNull(meters.find(BotApiExchange.TIMER).tags("method", "answerShippingQuery", "outcome", "400").timer());
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnyHttpCall() {
        assertThrows(BotApiRequestInvalidException.class, () -> client.createInvoiceLink(
                CreateInvoiceLink.stars("", "A mug", "order:1", new LabeledPrice("Mug", 1))));

        assertTrue(fake.calls("createInvoiceLink").isEmpty());
    }

    @Test
    void theTestEnvironmentUsesTheTestPathShape() {
        fake.reply("getWebhookInfo", Reply.json(200,
                "{\"ok\":true,\"result\":{\"url\":\"\",\"has_custom_certificate\":false,\"pending_update_count\":3}}"));
        TelegramSettings testSettings = new TelegramSettings(TOKEN, null,
                "http://127.0.0.1:" + port + "/fake-telegram", null, true, Duration.ofHours(24));
        BotApiEndpoint endpoint = new BotApiEndpoint(testSettings, new BotCredentials(testSettings), () -> -1);
        WebhookInfo info;
        try (BotApiTransport transport = new BotApiTransport(settings)) {
            BotApiExchange testExchange = new BotApiExchange(endpoint, transport, json,
                    new RetryPolicy(settings, sleeper), meters);
            info = new BotApiClient(testExchange, settings).getWebhookInfo();
        }

        assertEquals(3, info.pendingUpdateCount());
        FakeTelegram.Call call = fake.calls("getWebhookInfo").get(0);
        assertTrue(call.testEnvironment(), "called /bot<token>/test/getWebhookInfo");
        assertEquals(TOKEN, call.token());
    }

    @Test
    void updatesWithUnknownFieldsAndAPaymentParse() throws IOException {
        fake.reply("getUpdates", Reply.json(200, "{\"ok\":true,\"result\":[" + Samples.SUCCESSFUL_PAYMENT_UPDATE + ","
                + Samples.PRE_CHECKOUT_UPDATE + ",{\"update_id\":12,\"poll\":{\"id\":\"p\"}}]}"));

        List<Update> updates = client.getUpdates(new GetUpdates(10L, 100, 30, List.of("message", "pre_checkout_query")));

        SuccessfulPayment payment = updates.get(0).message().successfulPayment();
        assertEquals(250, payment.totalAmount());
        assertEquals("stxCharge1", payment.telegramPaymentChargeId());
        assertEquals(Boolean.TRUE, payment.isFirstRecurring());
        assertEquals(1702592000L, payment.subscriptionExpirationDate());
        assertEquals(42, updates.get(0).message().sender().id());
        assertEquals("order:42", updates.get(1).preCheckoutQuery().invoicePayload());
        assertEquals(12, updates.get(2).updateId());
        String sent = fake.calls("getUpdates").get(0).body();
        assertTrue(sent.contains("\"allowed_updates\":[\"message\",\"pre_checkout_query\"]"), sent);
    }

    private static void assertTokenAbsent(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(TOKEN), trace.toString());
        assertFalse(trace.toString().contains("SeCrEt"), trace.toString());
        assertFalse(e.toString().contains(TOKEN));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

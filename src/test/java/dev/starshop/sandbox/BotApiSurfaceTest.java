package dev.starshop.sandbox;

import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Bot API surface: authentication, envelopes, createInvoiceLink's rules, chats, flood control. */
@MicronautTest
@Property(name = "starshop.sandbox.retry-base", value = "20ms")
class BotApiSurfaceTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials credentials;

    @Inject
    SandboxTelegram sandbox;

    BotApiClient bot;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        bot = new BotApiClient(http, credentials.token());
    }

    static Map<String, Object> starsInvoice() {
        Map<String, Object> params = new HashMap<>();
        params.put("title", "Sticker pack");
        params.put("description", "Twelve stickers");
        params.put("payload", "order-1");
        params.put("currency", "XTR");
        params.put("prices", List.of(Map.of("label", "Pack", "amount", 100)));
        return params;
    }

    static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> params = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        return params;
    }

    static Stream<Arguments> invalidInvoices() {
        Map<String, Object> stars = starsInvoice();
        Map<String, Object> usd = with(stars, "currency", "USD", "provider_token", "284685063:TEST:abc",
                "prices", List.of(Map.of("label", "Pack", "amount", 500)));
        return Stream.of(
                Arguments.of("empty title", with(stars, "title", ""), "INVOICE_TITLE_INVALID"),
                Arguments.of("title over 32", with(stars, "title", "x".repeat(33)), "INVOICE_TITLE_INVALID"),
                Arguments.of("empty description", with(stars, "description", ""), "INVOICE_DESCRIPTION_INVALID"),
                Arguments.of("description over 255", with(stars, "description", "d".repeat(256)), "INVOICE_DESCRIPTION_INVALID"),
                Arguments.of("payload over 128 bytes", with(stars, "payload", "é".repeat(65)), "INVOICE_PAYLOAD_INVALID"),
                Arguments.of("empty payload", with(stars, "payload", ""), "INVOICE_PAYLOAD_INVALID"),
                Arguments.of("unknown currency", with(stars, "currency", "XTS"), "CURRENCY_INVALID"),
                Arguments.of("Stars with provider token", with(stars, "provider_token", "284685063:TEST:abc"), "PAYMENT_PROVIDER_INVALID"),
                Arguments.of("fiat without provider token", with(usd, "provider_token", ""), "PAYMENT_PROVIDER_INVALID"),
                Arguments.of("Stars with two prices", with(stars, "prices", List.of(Map.of("label", "a", "amount", 1),
                        Map.of("label", "b", "amount", 1))), "STARS_INVOICE_INVALID"),
                Arguments.of("Stars with tips", with(stars, "max_tip_amount", 10), "STARS_INVOICE_INVALID"),
                Arguments.of("subscription period not 30 days", with(stars, "subscription_period", 86400), "SUBSCRIPTION_PERIOD_INVALID"),
                Arguments.of("subscription in fiat", with(usd, "subscription_period", 2592000), "SUBSCRIPTION_PERIOD_INVALID"),
                Arguments.of("subscription over 10000 Stars", with(stars, "subscription_period", 2592000,
                        "prices", List.of(Map.of("label", "Gold", "amount", 10001))), "CURRENCY_TOTAL_AMOUNT_INVALID"),
                Arguments.of("Stars total over 10000", with(stars, "prices", List.of(Map.of("label", "a", "amount", 10001))),
                        "CURRENCY_TOTAL_AMOUNT_INVALID"),
                Arguments.of("fiat total under minimum", with(usd, "prices", List.of(Map.of("label", "a", "amount", 1))),
                        "CURRENCY_TOTAL_AMOUNT_INVALID"),
                Arguments.of("suggested tip above max", with(usd, "max_tip_amount", 100, "suggested_tip_amounts", List.of(50, 200)),
                        "suggested tip amounts must be positive, increasing and at most max_tip_amount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInvoices")
    void createInvoiceLinkRejectsLikeTelegram(String rule, Map<String, Object> params, String reason) {
        BotApiClient.Reply reply = bot.call("createInvoiceLink", params);

        assertEquals(400, reply.status(), rule);
        assertEquals(Map.of("ok", false, "error_code", 400, "description", "Bad Request: " + reason), reply.json());
    }

    @Test
    void aValidInvoiceGetsATmeLink() {
        BotApiClient.Reply reply = bot.call("createInvoiceLink", starsInvoice());

        assertEquals(200, reply.status());
        assertEquals(true, reply.json().get("ok"));
        String link = (String) reply.result();
        assertTrue(link.matches("https://t\\.me/\\$[A-Za-z0-9_-]{10,}"), link);
        assertTrue(sandbox.invoice(link).isPresent());
    }

    @Test
    void formEncodedParametersWorkLikeTelegram() {
        String body = "title=Pack&description=Stickers&payload=p1&currency=XTR&provider_token="
                + "&prices=%5B%7B%22label%22%3A%22Pack%22%2C%22amount%22%3A5%7D%5D";

        BotApiClient.Reply reply = bot.form("createInvoiceLink", body);

        assertEquals(200, reply.status(), String.valueOf(reply.body()));
    }

    @Test
    void aWrongTokenIsUnauthorized() {
        BotApiClient.Reply reply = bot.callWithToken("7000000001:wrongwrongwrongwrongwrongwrongwrong",
                "createInvoiceLink", starsInvoice());

        assertEquals(401, reply.status());
        assertEquals(Map.of("ok", false, "error_code", 401, "description", "Unauthorized"), reply.json());
    }

    @Test
    void anUnknownMethodIsNotFound() {
        BotApiClient.Reply reply = bot.call("sendTelepathicMessage", Map.of());

        assertEquals(404, reply.status());
        assertEquals(Map.of("ok", false, "error_code", 404, "description", "Not Found"), reply.json());
    }

    @Test
    void sendMessageGoesToAKnownChatOnly() {
        BotApiClient.Reply sent = bot.call("sendMessage", Map.of("chat_id", 100001, "text", "Thanks!"));
        BotApiClient.Reply unknown = bot.call("sendMessage", Map.of("chat_id", 999, "text", "Hello?"));

        assertEquals(200, sent.status());
        assertEquals("Thanks!", sent.resultObject().get("text"));
        assertEquals(1, sandbox.messages(100001).size());
        assertEquals(400, unknown.status());
        assertEquals("Bad Request: chat not found", unknown.description());
    }

    @Test
    void theFloodKnobAnswers429WithRetryAfter() {
        sandbox.faults().rateLimit("getMyStarBalance", 1, 7);

        BotApiClient.Reply limited = bot.call("getMyStarBalance", Map.of());
        BotApiClient.Reply next = bot.call("getMyStarBalance", Map.of());

        assertEquals(429, limited.status());
        assertEquals(Map.of("retry_after", 7), limited.json().get("parameters"));
        assertEquals("Too Many Requests: retry after 7", limited.description());
        assertEquals(200, next.status());
    }

    @Test
    void callsAreLoggedWithoutTheToken() {
        bot.call("getMyStarBalance", Map.of());

        CallLog.Call call = sandbox.calls().get(sandbox.calls().size() - 1);
        assertEquals("getMyStarBalance", call.method());
        assertEquals(200, call.status());
        assertTrue(!call.toString().contains(credentials.token()));
    }

    @Test
    void theControlApiManagesUsersAndPayments() {
        BotApiClient.Reply created = bot.control(HttpRequest.POST("/sandbox/api/users",
                Map.of("id", 100009, "firstName", "Dana", "languageCode", "de", "starBalance", 10)));
        BotApiClient.Reply topped = bot.control(HttpRequest.PUT("/sandbox/api/users/100009/balance",
                Map.of("starBalance", 99)));
        String link = (String) bot.call("createInvoiceLink", starsInvoice()).result();
        String slug = link.substring(link.indexOf('$') + 1);
        BotApiClient.Reply cancelled = bot.control(HttpRequest.POST("/sandbox/api/invoices/" + slug + "/pay",
                Map.of("userId", 100009, "cancel", true)));

        assertEquals(201, created.status());
        assertEquals(99, topped.json().get("starBalance"));
        assertEquals("cancelled", cancelled.json().get("status"));
        assertEquals(4, sandbox.users().size());
    }
}

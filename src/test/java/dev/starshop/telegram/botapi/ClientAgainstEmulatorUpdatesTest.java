package dev.starshop.telegram.botapi;

import dev.starshop.sandbox.SandboxTelegram;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@link BotApiClient} against the real sandbox emulator over HTTP, bot side: webhook
 * and polling, commands and menu button, flood control, and the rules the client checks itself.
 */
@MicronautTest(transactional = false)
@Property(name = "spec.name", value = "ClientAgainstEmulatorTest")
class ClientAgainstEmulatorUpdatesTest {

    static final long ALICE = 100001L;

    @Inject
    BotApiClient client;

    @Inject
    SandboxTelegram sandbox;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @BeforeEach
    void freshTelegram() {
        sandbox.reset();
    }

    @Test
    void aWebhookIsSetReportedAndBlocksPollingUntilDeleted() {
        String url = server.getURL() + EmulatorTestBot.PATH;
        assertTrue(client.setWebhook(new SetWebhook(url, "s3cret_-X", List.of("message", "pre_checkout_query"),
                10, true, null)));

        WebhookInfo info = client.getWebhookInfo();
        assertEquals(url, info.url());
        assertFalse(info.hasCustomCertificate());
        assertEquals(0, info.pendingUpdateCount());
        assertEquals(10, info.maxConnections());
        assertEquals(List.of("message", "pre_checkout_query"), info.allowedUpdates());
        BotApiException conflict = assertThrows(BotApiException.class,
                () -> client.getUpdates(new GetUpdates(null, null, 0, null)));
        assertEquals(BotApiException.Kind.CONFLICT, conflict.kind());
        assertTrue(conflict.description().startsWith("Conflict: can't use getUpdates method while webhook is active"));

        assertTrue(client.deleteWebhook(new DeleteWebhook(true)));
        assertEquals("", client.getWebhookInfo().url());
        assertEquals(List.of(), client.getUpdates(new GetUpdates(null, null, 0, null)));
    }

    @Test
    void pollingReturnsTypedUpdatesAndAnOffsetConfirmsThem() {
        long updateId = sandbox.sendAsUser(ALICE, "/start");

        List<Update> updates = client.getUpdates(new GetUpdates(null, 10, 1, List.of("message")));

        assertEquals(1, updates.size());
        Update update = updates.get(0);
        assertEquals(updateId, update.updateId());
        assertEquals("/start", update.message().text());
        assertEquals(ALICE, update.message().sender().id());
        assertEquals("en", update.message().sender().languageCode());
        assertEquals(1, client.getWebhookInfo().pendingUpdateCount());
        assertEquals(List.of(), client.getUpdates(new GetUpdates(updateId + 1, null, 0, null)));
    }

    @Test
    void commandsAndTheMenuButtonAreStored() {
        assertTrue(client.setMyCommands(new SetMyCommands(List.of(new BotCommand("start", "Open the shop")), "en")));
        assertTrue(client.setChatMenuButton(new SetChatMenuButton(null,
                MenuButton.webApp("Shop", "https://shop.example.org/app/"))));
        assertTrue(client.setChatMenuButton(new SetChatMenuButton(ALICE, MenuButton.commands())));

        Map<String, Object> settings = sandbox.botSettings();
        assertEquals(List.of(Map.of("command", "start", "description", "Open the shop")), settings.get("commands"));
        assertEquals(Map.of("type", "commands"), settings.get("menuButton"));
        BotApiException unknownChat = assertThrows(BotApiException.class,
                () -> client.setChatMenuButton(new SetChatMenuButton(999L, MenuButton.defaultButton())));
        assertEquals("Bad Request: chat not found", unknownChat.description());
    }

    @Test
    void floodControlIsWaitedOutAndTheCallSucceeds() {
        sandbox.faults().rateLimit("getMyStarBalance", 1, 1);
        long start = System.nanoTime();

        StarAmount balance = client.getMyStarBalance();

        assertEquals(0, balance.amount());
        assertTrue(System.nanoTime() - start >= 1_000_000_000L, "waited retry_after = 1 s");
        assertEquals(List.of(429, 200), calls("getMyStarBalance").stream().map(c -> c.get("status")).toList());
    }

    @Test
    void aStarsInvoiceWithTwoPricesIsRefusedBeforeSending() {
        CreateInvoiceLink twoPrices = new CreateInvoiceLink(null, "Pack", "Stars", "order-1", "", "XTR",
                List.of(new LabeledPrice("Pack", 100), new LabeledPrice("Bonus", 10)),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        refusedLocally(() -> client.createInvoiceLink(twoPrices), "createInvoiceLink");
        assertEquals("Bad Request: STARS_INVOICE_INVALID", rawCall("createInvoiceLink", twoPrices));
    }

    @Test
    void aWebhookSecretWithForbiddenCharactersIsRefusedBeforeSending() {
        SetWebhook badSecret = new SetWebhook(server.getURL() + EmulatorTestBot.PATH, "not allowed!", null, null,
                null, null);

        refusedLocally(() -> client.setWebhook(badSecret), "setWebhook");
        assertEquals("Bad Request: secret token contains unallowed characters", rawCall("setWebhook", badSecret));
    }

    @Test
    void aPreCheckoutRefusalWithoutAMessageIsRefusedBeforeSending() {
        AnswerPreCheckoutQuery silentNo = new AnswerPreCheckoutQuery("1", false, null);

        refusedLocally(() -> client.answerPreCheckoutQuery(silentNo), "answerPreCheckoutQuery");
        assertEquals("Bad Request: error_message must be non-empty if ok is false",
                rawCall("answerPreCheckoutQuery", silentNo));
    }

    @Test
    void aNegativeMaxTipIsRefusedBeforeSending() {
        CreateInvoiceLink negativeTip = ClientAgainstEmulatorTest.card().withTips(-1L, null);

        refusedLocally(() -> client.createInvoiceLink(negativeTip), "createInvoiceLink");
        assertEquals("Bad Request: max_tip_amount must be non-negative", rawCall("createInvoiceLink", negativeTip));
    }

    @Test
    void aBlankMessageIsRefusedBeforeSending() {
        SendMessage blank = SendMessage.text(ALICE, "  ");

        refusedLocally(() -> client.sendMessage(blank), "sendMessage");
        assertEquals("Bad Request: message text is empty", rawCall("sendMessage", blank));
    }

    private void refusedLocally(Executable call, String method) {
        assertThrows(BotApiRequestInvalidException.class, call);
        assertEquals(List.of(), calls(method), "the emulator must not have seen " + method);
    }

    /** The same request sent by hand, to show the emulator would have refused it: its description. */
    private String rawCall(String method, Object request) {
        try {
            http.toBlocking().exchange(HttpRequest.POST("/sandbox/bot" + token() + "/" + method, request));
            return "accepted";
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            assertEquals(400, e.code());
            return (String) e.getResponse().getBody(Argument.mapOf(String.class, Object.class))
                    .orElseThrow().get("description");
        }
    }

    /** The emulator's call log, read through its public control API. */
    private List<Map<String, Object>> calls(String method) {
        List<Map<String, Object>> all = http.toBlocking().retrieve(HttpRequest.GET("/sandbox/api/calls"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        return all.stream().filter(call -> method.equals(call.get("method"))).toList();
    }

    private String token() {
        return server.getApplicationContext().getBean(dev.starshop.telegram.BotCredentials.class).token();
    }
}

package dev.starshop.telegram.botapi;

import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.TelegramSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BotApiEndpointTest {

    private static final String TOKEN = "123456:ABC-secret";

    @Test
    void productionUsesTheConfiguredApiUrl() {
        BotApiEndpoint endpoint = endpoint(settings(TOKEN, "https://api.telegram.org/", false));

        assertEquals("https://api.telegram.org", endpoint.baseUrl());
        assertEquals("https://api.telegram.org/bot" + TOKEN + "/getMe", endpoint.methodUrl("getMe"));
    }

    @Test
    void theTestEnvironmentInsertsTest() {
        BotApiEndpoint endpoint = endpoint(settings(TOKEN, "https://api.telegram.org", true));

        assertEquals("https://api.telegram.org/bot" + TOKEN + "/test/createInvoiceLink",
                endpoint.methodUrl("createInvoiceLink"));
    }

    @Test
    void sandboxModeTalksToTheEnginesOwnEmulatorOnTheActualPort() {
        TelegramSettings sandbox = settings(null, "https://api.telegram.org", false);
        BotCredentials credentials = new BotCredentials(sandbox);
        int[] port = {0};
        BotApiEndpoint endpoint = new BotApiEndpoint(sandbox, credentials, () -> port[0]);

        port[0] = 43210; // known only once the server started: read on every call
        assertTrue(endpoint.isSandbox());
        assertEquals("http://127.0.0.1:43210/sandbox", endpoint.baseUrl());
        assertEquals("http://127.0.0.1:43210/sandbox/bot" + credentials.token() + "/getUpdates",
                endpoint.methodUrl("getUpdates"));
    }

    @Test
    void redactReplacesTheToken() {
        BotApiEndpoint endpoint = endpoint(settings(TOKEN, "https://api.telegram.org", false));

        assertEquals("POST /bot<token>/sendMessage failed", endpoint.redact("POST /bot" + TOKEN + "/sendMessage failed"));
    }

    private static BotApiEndpoint endpoint(TelegramSettings settings) {
        IntSupplier noSandbox = () -> {
            throw new AssertionError("not in sandbox mode");
        };
        return new BotApiEndpoint(settings, new BotCredentials(settings), noSandbox);
    }

    private static TelegramSettings settings(String token, String apiUrl, boolean testEnvironment) {
        return new TelegramSettings(token, null, apiUrl, null, testEnvironment, Duration.ofHours(24));
    }
}

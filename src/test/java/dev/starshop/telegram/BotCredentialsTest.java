package dev.starshop.telegram;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BotCredentialsTest {

    @Test
    void withoutATokenItIsSandboxModeWithARandomRealShapedToken() {
        BotCredentials sandbox = new BotCredentials(settings(null));

        assertTrue(sandbox.isSandbox());
        assertEquals(7000000001L, sandbox.botId());
        assertTrue(sandbox.token().matches("7000000001:[A-Za-z0-9_-]{35}"), "token shape");
        assertNotEquals(sandbox.token(), new BotCredentials(settings(null)).token());
    }

    @Test
    void aConfiguredTokenMeansProductionMode() {
        BotCredentials production = new BotCredentials(settings("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"));

        assertFalse(production.isSandbox());
        assertEquals(123456L, production.botId());
        assertEquals("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", production.token());
    }

    @Test
    void theTokenNeverAppearsInToStringOrErrors() {
        BotCredentials credentials = new BotCredentials(settings("123456:SECRETSECRET"));
        assertFalse(credentials.toString().contains("SECRET"));
        assertFalse(settings("123456:SECRETSECRET").toString().contains("SECRET"));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new BotCredentials(settings("not-a-token-SECRET")));
        assertFalse(e.getMessage().contains("SECRET"));
    }

    private static TelegramSettings settings(String token) {
        return new TelegramSettings(token, null, "https://api.telegram.org", null, false, Duration.ofHours(24));
    }
}

package dev.starshop.telegram;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;

/**
 * The bot token Starshop actually uses. A configured token means production mode. Without one,
 * Starshop runs in sandbox mode against its built-in emulator with a random token of the real
 * shape, so every code path (signing, initData checks, Bot API URLs) works exactly as in
 * production. The token is a secret: it is never logged and {@link #toString()} hides it.
 */
@Singleton
public final class BotCredentials {

    /** Bot id of the sandbox bot; fixed so emulator URLs and fixtures stay stable across restarts. */
    public static final long SANDBOX_BOT_ID = 7000000001L;

    private static final Logger LOG = LoggerFactory.getLogger(BotCredentials.class);
    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final int SECRET_LENGTH = 35;

    private final String token;
    private final long botId;
    private final boolean sandbox;

    public BotCredentials(TelegramSettings settings) {
        String configured = settings.botToken();
        this.sandbox = configured == null || configured.isBlank();
        this.token = sandbox ? randomToken() : configured.trim();
        this.botId = parseBotId(token);
        if (sandbox) {
            LOG.info("No bot token configured: sandbox mode with a generated token for bot {}", botId);
        }
    }

    public String token() {
        return token;
    }

    public long botId() {
        return botId;
    }

    public boolean isSandbox() {
        return sandbox;
    }

    @Override
    public String toString() {
        return "BotCredentials[botId=" + botId + ", sandbox=" + sandbox + ", token=<hidden>]";
    }

    private static String randomToken() {
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder().append(SANDBOX_BOT_ID).append(':');
        for (int i = 0; i < SECRET_LENGTH; i++) {
            token.append(URL_SAFE.charAt(random.nextInt(URL_SAFE.length())));
        }
        return token.toString();
    }

    /** A token is {@code <bot id>:<secret>}; the message never echoes the token itself. */
    private static long parseBotId(String token) {
        int colon = token.indexOf(':');
        try {
            if (colon <= 0 || colon == token.length() - 1) {
                throw new NumberFormatException();
            }
            return Long.parseLong(token.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "starshop.telegram.bot-token is not a bot token (expected <numeric bot id>:<secret>)");
        }
    }
}

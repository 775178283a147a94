package dev.starshop.platform.installation;

import io.micronaut.core.annotation.Nullable;

/**
 * Who an engine runs for: the sandbox, or a bot identified by the number before the ':' of its
 * token. The token's secret part is never kept or shown.
 *
 * @param botId the bot's id; null for the sandbox
 */
record Owner(@Nullable Long botId) {

    static final Owner SANDBOX = new Owner(null);

    static Owner fromToken(@Nullable String botToken) {
        if (botToken == null || botToken.isBlank()) {
            return SANDBOX;
        }
        String token = botToken.strip();
        int colon = token.indexOf(':');
        try {
            if (colon <= 0) {
                throw new NumberFormatException();
            }
            return new Owner(Long.parseLong(token.substring(0, colon)));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "starshop.telegram.bot-token is not a bot token (expected <numeric bot id>:<secret>)");
        }
    }

    boolean isSandbox() {
        return botId == null;
    }

    String mode() {
        return isSandbox() ? "SANDBOX" : "BOT";
    }

    @Override
    public String toString() {
        return isSandbox() ? "the sandbox" : "bot " + botId;
    }
}

package dev.starshop.telegram.bot;

import dev.starshop.telegram.BotCredentials;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * How updates reach the engine. A public URL (or the sandbox, whose emulator can reach the engine
 * directly) means webhook; otherwise long polling. {@code starshop.telegram.updates} forces one.
 */
@Singleton
public class UpdateDelivery {

    private final boolean webhook;

    UpdateDelivery(MiniAppUrl url, BotCredentials bot, @Value("${starshop.telegram.updates:auto}") String mode) {
        this.webhook = switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "webhook" -> true;
            case "polling" -> false;
            case "auto" -> url.hasPublicUrl() || bot.isSandbox();
            default -> throw new IllegalArgumentException(
                    "starshop.telegram.updates must be auto, webhook or polling, not '" + mode + "'");
        };
    }

    public boolean usesWebhook() {
        return webhook;
    }
}

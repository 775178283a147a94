package dev.starshop.telegram.webhook;

import dev.starshop.platform.Secret;
import dev.starshop.telegram.TelegramSettings;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The secret Telegram echoes in {@code X-Telegram-Bot-Api-Secret-Token}. Without a configured one
 * the engine makes its own and registers it with setWebhook, so the webhook is never open.
 */
@Singleton
public final class WebhookSecret {

    public static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final Secret secret;

    WebhookSecret(TelegramSettings settings) {
        this.secret = Secret.configuredOrGenerated(settings.webhookSecret());
    }

    public boolean matches(@Nullable String presented) {
        return secret.matches(presented);
    }

    /** For setWebhook only; never log it. */
    public String value() {
        return secret.value();
    }
}

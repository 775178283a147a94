package dev.starshop.telegram;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Everything Starshop needs to know about its bot. Environment variables map onto it
 * ({@code STARSHOP_TELEGRAM_BOT_TOKEN} → {@code botToken}); a missing bot token means sandbox mode.
 *
 * @param botToken         the bot token from BotFather; null → sandbox mode (see {@link BotCredentials})
 * @param webhookSecret    secret Telegram echoes in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param apiUrl           Bot API base URL
 * @param providerToken    payment provider token for card payments
 * @param testEnvironment  the bot lives in Telegram's test environment (changes the Ed25519 key)
 * @param initDataMaxAge   how old a Mini App's {@code auth_date} may be before it is refused
 */
@ConfigurationProperties("starshop.telegram")
public record TelegramSettings(
        @Nullable String botToken,
        @Nullable String webhookSecret,
        @Bindable(defaultValue = "https://api.telegram.org") String apiUrl,
        @Nullable String providerToken,
        @Bindable(defaultValue = "false") boolean testEnvironment,
        @Bindable(defaultValue = "24h") Duration initDataMaxAge) {

    /** Secrets never reach logs through an accidental {@code toString()}. */
    @Override
    public String toString() {
        return "TelegramSettings[botToken=" + redacted(botToken) + ", webhookSecret=" + redacted(webhookSecret)
                + ", apiUrl=" + apiUrl + ", providerToken=" + redacted(providerToken)
                + ", testEnvironment=" + testEnvironment + ", initDataMaxAge=" + initDataMaxAge + "]";
    }

    private static String redacted(@Nullable String secret) {
        return secret == null || secret.isBlank() ? "<unset>" : "<set>";
    }
}

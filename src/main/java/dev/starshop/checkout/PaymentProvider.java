package dev.starshop.checkout;

import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.TelegramSettings;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The card payment provider token. In the sandbox a stand-in token lets the emulator take test
 * cards, so card checkout can be tried without a provider account.
 */
@Singleton
class PaymentProvider {

    static final String SANDBOX_TOKEN = "SANDBOX:stripe:TEST";

    private final String token;

    PaymentProvider(TelegramSettings settings, BotCredentials bot) {
        String configured = settings.providerToken();
        if (configured != null && !configured.isBlank()) {
            this.token = configured.strip();
        } else {
            this.token = bot.isSandbox() ? SANDBOX_TOKEN : null;
        }
    }

    Optional<String> token() {
        return Optional.ofNullable(token);
    }

    boolean cardsEnabled() {
        return token != null;
    }
}

package dev.starshop.checkout;

import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.TelegramSettings;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The card payment provider token. In the sandbox a stand-in token lets the emulator take test
 * cards, so card checkout can be tried without a provider account; {@code starshop.sandbox.card-payments}
 * set to false leaves it out, to try the shop as one without a provider (Stars only).
 */
@Singleton
class PaymentProvider {

    static final String SANDBOX_TOKEN = "SANDBOX:stripe:TEST";

    private final String token;

    PaymentProvider(TelegramSettings settings, BotCredentials bot,
                    @Value("${starshop.sandbox.card-payments:true}") boolean sandboxCards) {
        String configured = settings.providerToken();
        if (configured != null && !configured.isBlank()) {
            this.token = configured.strip();
        } else {
            this.token = bot.isSandbox() && sandboxCards ? SANDBOX_TOKEN : null;
        }
    }

    Optional<String> token() {
        return Optional.ofNullable(token);
    }

    boolean cardsEnabled() {
        return token != null;
    }
}

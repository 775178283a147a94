package dev.starshop.telegram.initdata;

import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.TelegramSettings;
import jakarta.inject.Singleton;

import java.security.PublicKey;

/**
 * The engine's policy for initData: our bot's token and id, Telegram's key for the configured
 * environment, and {@code starshop.telegram.init-data-max-age}.
 */
@Singleton
public final class InitDataAuthenticator {

    private final InitDataVerifier verifier;
    private final BotCredentials credentials;
    private final TelegramSettings settings;
    private final PublicKey telegramKey;

    InitDataAuthenticator(InitDataVerifier verifier, BotCredentials credentials, TelegramSettings settings) {
        this.verifier = verifier;
        this.credentials = credentials;
        this.settings = settings;
        this.telegramKey = TelegramPublicKeys.forEnvironment(settings.testEnvironment());
    }

    /** Verified, fresh initData or an {@link InvalidInitDataException}. */
    public InitData authenticate(String rawInitData) {
        return verifier.verifyFresh(rawInitData, credentials.token(), telegramKey, settings.initDataMaxAge());
    }
}

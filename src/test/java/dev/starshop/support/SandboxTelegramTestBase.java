package dev.starshop.support;

import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.util.Optional;

/**
 * Tests that use the engine over HTTP and pay through the built-in Telegram emulator, with the bot
 * registered with Telegram before each test. Subclasses are
 * {@code @MicronautTest(transactional = false)} with {@code starshop.telegram.setup=true}; their own
 * {@code @BeforeEach} methods run after this one.
 */
public abstract class SandboxTelegramTestBase {

    @Inject
    @Client("/")
    protected HttpClient http;

    @Inject
    protected BotCredentials bot;

    @Inject
    protected SandboxTelegram telegram;

    protected Api api;

    @BeforeEach
    void awaitTheBot() {
        api = new Api(http);
        // The engine registers its webhook before its menu button: once the button shows, updates flow.
        Eventually.value(() -> Optional.ofNullable(telegram.botSettings().get("menuButton")));
    }

    /** Signs Mini App initData for sandbox buyers with this engine's bot token. */
    protected InitDataSigner signer() {
        return InitDataSigner.forToken(bot.token());
    }
}

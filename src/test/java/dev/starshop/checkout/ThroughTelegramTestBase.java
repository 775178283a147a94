package dev.starshop.checkout;

import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * Checkout tests that pay through the emulator: the shop fixture, and a bot registered with
 * Telegram before each test. Subclasses set {@code starshop.telegram.setup=true}.
 */
abstract class ThroughTelegramTestBase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    SandboxTelegram telegram;

    Api api;
    CheckoutFixture shop;

    @BeforeEach
    void openTheShop() {
        api = new Api(http);
        shop = new CheckoutFixture(api, InitDataSigner.forToken(bot.token()), telegram);
        shop.waitForBot();
    }
}

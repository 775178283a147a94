package dev.starshop.order;

import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** The public API and order fixtures signed for the engine's own (sandbox) bot. */
abstract class OrderTestBase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    Api api;
    OrderFixtures fixtures;

    @BeforeEach
    void prepareFixtures() {
        api = new Api(http);
        fixtures = new OrderFixtures(api, InitDataSigner.forToken(bot.token()));
    }
}

package dev.starshop.sandbox;

import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh emulator, the recording test webhook (enabled by {@code spec.name=SandboxWebhook}) and a
 * raw Bot API client for the sandbox bot, before every test.
 */
abstract class SandboxWebhookTestBase {

    static final long ALICE = 100001L;
    static final long BOB = 100002L;
    static final long LI = 100003L;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials credentials;

    @Inject
    SandboxTelegram sandbox;

    @Inject
    RecordingWebhook webhook;

    @Inject
    EmbeddedServer server;

    BotApiClient bot;

    @BeforeEach
    void resetTelegram() {
        sandbox.reset();
        webhook.clear();
        bot = new BotApiClient(http, credentials.token());
    }
}

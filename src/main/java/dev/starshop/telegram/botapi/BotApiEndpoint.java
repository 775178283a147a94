package dev.starshop.telegram.botapi;

import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.TelegramSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.function.IntSupplier;

/**
 * Where Bot API calls go. With a bot token: {@code starshop.telegram.api-url}. In sandbox mode:
 * the emulator this same engine serves under {@code /sandbox}, on the port the embedded server
 * actually got; that port exists only once the server runs (tests use random ports), so it is
 * looked up on every call rather than at construction.
 */
@Singleton
public class BotApiEndpoint {

    static final String SANDBOX_PATH = "/sandbox";

    private final TelegramSettings settings;
    private final BotCredentials credentials;
    private final IntSupplier sandboxPort;

    @Inject
    BotApiEndpoint(TelegramSettings settings, BotCredentials credentials, BeanProvider<EmbeddedServer> server) {
        this(settings, credentials, () -> runningPort(server));
    }

    BotApiEndpoint(TelegramSettings settings, BotCredentials credentials, IntSupplier sandboxPort) {
        this.settings = settings;
        this.credentials = credentials;
        this.sandboxPort = sandboxPort;
    }

    public boolean isSandbox() {
        return credentials.isSandbox();
    }

    /** The base URL without the token part: safe to log. */
    public String baseUrl() {
        if (credentials.isSandbox()) {
            return "http://127.0.0.1:" + sandboxPort.getAsInt() + SANDBOX_PATH;
        }
        String configured = settings.apiUrl();
        return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /**
     * {@code {base}/bot{token}/{method}}, or {@code {base}/bot{token}/test/{method}} for Telegram's
     * test environment. The sandbox emulator has no separate test environment, so the plain form
     * is used there. Contains the token: never log it.
     */
    String methodUrl(String method) {
        boolean testPath = settings.testEnvironment() && !credentials.isSandbox();
        return baseUrl() + "/bot" + credentials.token() + (testPath ? "/test/" : "/") + method;
    }

    /** Replaces the token wherever it appears (in an exception text from the HTTP stack, say). */
    String redact(String text) {
        return text == null ? null : text.replace(credentials.token(), "<token>");
    }

    private static int runningPort(BeanProvider<EmbeddedServer> server) {
        if (!server.isPresent() || !server.get().isRunning()) {
            throw new IllegalStateException("sandbox mode needs the embedded HTTP server to be running");
        }
        return server.get().getPort();
    }
}

package dev.starshop.telegram.bot;

import dev.starshop.telegram.TelegramSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/**
 * Where the engine is reachable from outside: the configured public URL, or (sandbox, local runs)
 * the address the server listens on.
 */
@Singleton
public class MiniAppUrl {

    private final String publicUrl;
    private final BeanProvider<EmbeddedServer> server;

    MiniAppUrl(@Value("${starshop.public-url:}") @Nullable String publicUrl, BeanProvider<EmbeddedServer> server) {
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
        this.server = server;
    }

    public boolean hasPublicUrl() {
        return publicUrl != null;
    }

    /** The engine's base URL, without a trailing slash. */
    public String base() {
        return publicUrl != null ? publicUrl : server.get().getURL().toString().replaceAll("/+$", "");
    }

    /** The Mini App the bot's buttons open. */
    public String app() {
        return base() + "/app/";
    }
}

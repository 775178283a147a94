package dev.starshop.sandbox.host;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Settings of the sandbox host page ({@code starshop.sandbox.host.*}).
 *
 * @param telegramScript a local copy of Telegram's {@code telegram-web-app.js} (for example the one
 *                       inside the npm package {@code @twa-dev/sdk}), served at
 *                       {@code /sandbox/telegram-web-app.js} so the sandbox works offline. It is
 *                       third-party code, so it is read from disk and never shipped in the jar.
 * @param webAppVersion  the Bot API level the host claims in {@code tgWebAppVersion}
 */
@ConfigurationProperties("starshop.sandbox.host")
public record HostSettings(@Nullable String telegramScript, @Nullable String webAppVersion) {

    /** The level of the telegram-web-app.js this host has been checked against (@twa-dev/sdk 8.0.2). */
    static final String DEFAULT_VERSION = "8.0";

    String version() {
        return webAppVersion == null || webAppVersion.isBlank() ? DEFAULT_VERSION : webAppVersion;
    }
}

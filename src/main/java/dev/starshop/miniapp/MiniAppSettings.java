package dev.starshop.miniapp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the Mini App page is put together.
 *
 * @param telegramScriptUrl where the page loads Telegram's {@code telegram-web-app.js} from; a local
 *                          copy keeps the app usable offline (tests, air-gapped demos)
 */
@ConfigurationProperties("starshop.webapp")
record MiniAppSettings(
        @Bindable(defaultValue = "https://telegram.org/js/telegram-web-app.js") String telegramScriptUrl) {
}

package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A button under a message: exactly one of url, web_app or callback_data is set. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InlineKeyboardButton(
        String text,
        @Nullable String url,
        @Nullable WebAppInfo webApp,
        @Nullable String callbackData) {

    public static InlineKeyboardButton webApp(String text, String url) {
        return new InlineKeyboardButton(text, null, new WebAppInfo(url), null);
    }

    public static InlineKeyboardButton link(String text, String url) {
        return new InlineKeyboardButton(text, url, null, null);
    }
}

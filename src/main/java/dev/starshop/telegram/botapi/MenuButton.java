package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The chat's menu button: {@code web_app} (opens the Mini App; needs text and web_app),
 * {@code commands} or {@code default}. One flat record instead of three types: the JSON differs
 * only by which optional fields are present.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MenuButton(String type, @Nullable String text, @Nullable WebAppInfo webApp) {

    public static MenuButton webApp(String text, String url) {
        return new MenuButton("web_app", text, new WebAppInfo(url));
    }

    public static MenuButton commands() {
        return new MenuButton("commands", null, null);
    }

    public static MenuButton defaultButton() {
        return new MenuButton("default", null, null);
    }
}

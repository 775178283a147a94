package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * An inline result of type {@code article}: a text message with buttons (Bot API
 * InlineQueryResultArticle). {@code id} is 1-64 bytes.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InlineQueryResultArticle(
        String type,
        String id,
        String title,
        InputTextMessageContent inputMessageContent,
        @Nullable InlineKeyboardMarkup replyMarkup,
        @Nullable String description,
        @Nullable String thumbnailUrl) {

    public static InlineQueryResultArticle of(String id, String title, String messageText,
                                              InlineKeyboardMarkup buttons, String description,
                                              @Nullable String thumbnailUrl) {
        return new InlineQueryResultArticle("article", id, title, new InputTextMessageContent(messageText), buttons,
                description, thumbnailUrl);
    }

    /** The text the shared message carries (InputTextMessageContent, 1-4096 characters). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InputTextMessageContent(String messageText) {
    }
}

package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Request of {@code sendMessage}. Telegram also accepts an {@code @channel} username as chat id;
 * a shop only writes to its buyers' private chats, so the id is numeric.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendMessage(
        long chatId,
        String text,
        @Nullable String parseMode,
        @Nullable InlineKeyboardMarkup replyMarkup,
        @Nullable Boolean protectContent,
        @Nullable Integer messageThreadId) {

    public SendMessage(long chatId, String text, @Nullable String parseMode, @Nullable InlineKeyboardMarkup replyMarkup) {
        this(chatId, text, parseMode, replyMarkup, null, null);
    }

    public static SendMessage text(long chatId, String text) {
        return new SendMessage(chatId, text, null, null, null, null);
    }

    /** A plain text into a forum topic of a group ({@code message_thread_id}), or the chat itself when null. */
    public static SendMessage inTopic(long chatId, @Nullable Integer topicId, String text) {
        return new SendMessage(chatId, text, null, null, null, topicId);
    }
}

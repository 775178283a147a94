package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Request of {@code savePreparedInlineMessage} (Bot API 8.0): a message the user {@code userId} may
 * send from the Mini App with {@code WebApp.shareMessage}, to the kinds of chats allowed here.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SavePreparedInlineMessage(
        long userId,
        InlineQueryResultArticle result,
        @Nullable Boolean allowUserChats,
        @Nullable Boolean allowBotChats,
        @Nullable Boolean allowGroupChats,
        @Nullable Boolean allowChannelChats) {

    /** Shareable to people, groups and channels (not to bots). */
    public static SavePreparedInlineMessage anywhere(long userId, InlineQueryResultArticle result) {
        return new SavePreparedInlineMessage(userId, result, true, null, true, true);
    }
}

package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Request of {@code sendDocument} by a {@code file_id} Telegram returned earlier (JSON). A new file
 * goes up with {@link BotApiClient#sendDocument(SendDocument, DocumentUpload)} instead, as multipart.
 *
 * @param document the file_id; ignored (absent) when uploading
 * @param caption  0-1024 characters
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendDocument(
        long chatId,
        @Nullable String document,
        @Nullable String caption,
        @Nullable Boolean protectContent) {

    /** Telegram's limit for a caption. */
    static final int CAPTION_MAX = 1024;
}

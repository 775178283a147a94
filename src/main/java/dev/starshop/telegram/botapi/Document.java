package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A general file, as Telegram answers a sendDocument: its {@code file_id} sends it again without uploading. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Document(
        String fileId,
        String fileUniqueId,
        @Nullable String fileName,
        @Nullable String mimeType,
        @Nullable Long fileSize) {
}

package dev.starshop.fulfilment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A FILE product's document, as stored (docs/fulfilment.md, "Files").
 *
 * @param contentType    from the content's first bytes ({@link FileType}), not from the uploader
 * @param sha256         hex SHA-256 of the content
 * @param telegramFileId Telegram's file_id once a sendDocument returned one
 */
@Serdeable
record ProductFile(String sku, String fileName, String contentType, long sizeBytes, String sha256,
                   @Nullable String telegramFileId, Instant uploadedAt) {
}

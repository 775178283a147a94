package dev.starshop.fulfilment;

import io.micronaut.core.annotation.Nullable;

import java.util.function.Supplier;

/**
 * A product's document on its way to a buyer.
 *
 * @param telegramFileId Telegram's id of this very file (same content), if an earlier send returned one
 * @param content        the bytes, read from the database only when they must be uploaded
 * @param caption        the rendered delivery text, or null
 */
public record OutgoingDocument(String fileName, String contentType, @Nullable String telegramFileId,
                               Supplier<byte[]> content, @Nullable String caption) {
}

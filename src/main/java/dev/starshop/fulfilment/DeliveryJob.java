package dev.starshop.fulfilment;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * One claimed delivery with what its message needs. {@code code} is a secret: {@link #toString()}
 * hides it, and nothing logs a job's text.
 */
record DeliveryJob(DeliveryRepository.Claim claim, long chatId, long productId, String sku, String title,
                   int quantity, @Nullable String template, boolean protectContent, @Nullable String buyerName,
                   @Nullable String code, @Nullable StoredFile file) {

    UUID orderId() {
        return claim.orderId();
    }

    @Override
    public String toString() {
        return "DeliveryJob[id=" + claim.id() + ", order=" + claim.orderId() + ", sku=" + sku + "]";
    }

    record StoredFile(String fileName, String contentType, String sha256, @Nullable String telegramFileId) {
    }
}

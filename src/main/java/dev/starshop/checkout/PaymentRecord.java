package dev.starshop.checkout;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code payments}: money Telegram (or an operator) reported, exactly as reported. */
record PaymentRecord(
        String chargeId,
        PaymentKind kind,
        @Nullable UUID orderId,
        @Nullable Long buyerId,
        String currency,
        long totalAmount,
        @Nullable String providerChargeId,
        @Nullable String invoicePayload,
        @Nullable String shippingOptionId,
        long shippingAmount,
        long tipAmount,
        @Nullable String orderInfoJson,
        @Nullable Instant subscriptionExpiresAt,
        String source,
        @Nullable String reference,
        @Nullable String reviewReason,
        Instant occurredAt) {

    boolean needsReview() {
        return reviewReason != null;
    }
}

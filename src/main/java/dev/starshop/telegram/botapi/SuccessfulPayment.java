package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The service message that proves money moved. {@code telegramPaymentChargeId} is the key for
 * exactly-once booking and for refunds; the subscription fields are set for recurring payments.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SuccessfulPayment(
        String currency,
        long totalAmount,
        String invoicePayload,
        @Nullable Long subscriptionExpirationDate,
        @Nullable Boolean isRecurring,
        @Nullable Boolean isFirstRecurring,
        @Nullable String shippingOptionId,
        @Nullable OrderInfo orderInfo,
        String telegramPaymentChargeId,
        String providerPaymentChargeId) {
}

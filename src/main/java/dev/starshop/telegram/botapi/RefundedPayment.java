package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The service message about a refund (currently always XTR). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RefundedPayment(
        String currency,
        long totalAmount,
        String invoicePayload,
        String telegramPaymentChargeId,
        @Nullable String providerPaymentChargeId) {
}

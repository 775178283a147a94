package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The last question before the charge; it must be answered within 10 seconds. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PreCheckoutQuery(
        String id,
        @JsonProperty("from") User sender,
        String currency,
        long totalAmount,
        String invoicePayload,
        @Nullable String shippingOptionId,
        @Nullable OrderInfo orderInfo) {
}

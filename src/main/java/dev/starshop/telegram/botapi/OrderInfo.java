package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** What the buyer typed in the invoice sheet (only what the invoice asked for). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record OrderInfo(
        @Nullable String name,
        @Nullable String phoneNumber,
        @Nullable String email,
        @Nullable ShippingAddress shippingAddress) {
}

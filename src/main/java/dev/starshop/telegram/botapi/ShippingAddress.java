package dev.starshop.telegram.botapi;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A buyer's shipping address; Telegram sends every field, empty when not applicable. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ShippingAddress(
        String countryCode,
        String state,
        String city,
        String streetLine1,
        String streetLine2,
        String postCode) {
}

package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Telegram asks which delivery options apply to an address (flexible invoices only). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ShippingQuery(
        String id,
        @JsonProperty("from") User sender,
        String invoicePayload,
        ShippingAddress shippingAddress) {
}

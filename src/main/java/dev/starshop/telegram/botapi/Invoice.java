package dev.starshop.telegram.botapi;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The invoice a message carries; {@code totalAmount} is in smallest units. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Invoice(String title, String description, String startParameter, String currency, long totalAmount) {
}

package dev.starshop.telegram.botapi;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** One price component; {@code amount} is in the currency's smallest units (Stars for XTR). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record LabeledPrice(String label, long amount) {
}

package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A Stars balance: whole Stars plus optional nanostars (can be negative). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StarAmount(long amount, @Nullable Long nanostarAmount) {
}

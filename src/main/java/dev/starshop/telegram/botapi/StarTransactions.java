package dev.starshop.telegram.botapi;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** A page of Stars transactions. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StarTransactions(List<StarTransaction> transactions) {
}

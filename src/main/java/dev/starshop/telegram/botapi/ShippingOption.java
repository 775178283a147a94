package dev.starshop.telegram.botapi;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** A delivery choice offered in answer to a shipping query. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ShippingOption(String id, String title, List<LabeledPrice> prices) {
}

package dev.starshop.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One entry of an order's timeline. */
@Serdeable
public record OrderEvent(Instant at, String kind, @Nullable String detail) {
}

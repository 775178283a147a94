package dev.starshop.fulfilment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A step set on an order, with what the operator gave for it. */
@Serdeable
public record ShipmentStatus(ShipmentStep step, @Nullable String carrier, @Nullable String trackingNumber,
                             @Nullable String trackingUrl, Instant at) {
}

package dev.starshop.fulfilment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** The bodies of the shipment routes, as the operator (or the console) sends them. */
final class ShipmentRequests {

    private ShipmentRequests() {
    }

    /** {@code POST /api/admin/orders/{id}/fulfilment}. */
    @Serdeable
    record One(@Nullable String step, @Nullable String carrier, @Nullable String trackingNumber,
               @Nullable String trackingUrl) {

        ShipmentMark mark() {
            return ShipmentMark.of(step, carrier, trackingNumber, trackingUrl);
        }
    }

    /** {@code POST /api/admin/orders/fulfilment}: the same step (and tracking) for every order named. */
    @Serdeable
    record Many(@Nullable List<UUID> orderIds, @Nullable String step, @Nullable String carrier,
                @Nullable String trackingNumber, @Nullable String trackingUrl) {

        ShipmentMark mark() {
            return ShipmentMark.of(step, carrier, trackingNumber, trackingUrl);
        }
    }

    @Serdeable
    record Marked(UUID orderId, ShipmentStatus shipment) {
    }

    @Serdeable
    record MarkedMany(ShipmentStep step, List<Marked> orders) {
    }
}

package dev.starshop.fulfilment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * What the packer needs for one order: where it goes, what goes in the box, the steps so far and
 * the one that may come next ({@code GET /api/admin/orders/{id}/fulfilment}).
 *
 * @param physical    the order has goods to ship (at least one PHYSICAL line)
 * @param shipTo      the address the buyer gave in the invoice sheet; null when none was asked
 * @param packingList every line of the order, physical first
 * @param nextStep    the step the operator may set now; null when none may (not PAID, digital only, done)
 */
@Serdeable
record ShipmentView(UUID orderId, String status, boolean physical, @Nullable ShipTo shipTo,
                    List<PackingLine> packingList, List<ShipmentStatus> steps, @Nullable ShipmentStep nextStep) {

    @Serdeable
    record ShipTo(@Nullable String name, @Nullable String phoneNumber, @Nullable String countryCode,
                  @Nullable String state, @Nullable String city, @Nullable String streetLine1,
                  @Nullable String streetLine2, @Nullable String postCode) {
    }

    @Serdeable
    record PackingLine(String sku, String title, String kind, int quantity) {
    }
}

package dev.starshop.order;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param ttl                how long an unpaid order keeps its stock before it expires
 * @param maxQuantity        most units of one product in one order
 * @param maxLines           most distinct products in one order
 * @param maxUnpaidPerBuyer  most orders one buyer may have waiting for payment (payable, not expired)
 * @param concurrentPlacements most orders being placed at once ({@link OrderAdmission})
 * @param placementWait      how long a buyer's order may wait for a place before 503 busy
 */
@ConfigurationProperties("starshop.orders")
public record OrderSettings(
        @Bindable(defaultValue = "30m") Duration ttl,
        @Bindable(defaultValue = "99") int maxQuantity,
        @Bindable(defaultValue = "20") int maxLines,
        @Bindable(defaultValue = "5") int maxUnpaidPerBuyer,
        @Bindable(defaultValue = "8") int concurrentPlacements,
        @Bindable(defaultValue = "20s") Duration placementWait) {

    public OrderSettings {
        if (maxUnpaidPerBuyer < 1) {
            throw new IllegalArgumentException("starshop.orders.max-unpaid-per-buyer must be at least 1, not "
                    + maxUnpaidPerBuyer);
        }
        if (concurrentPlacements < 1) {
            throw new IllegalArgumentException("starshop.orders.concurrent-placements must be at least 1, not "
                    + concurrentPlacements);
        }
    }
}

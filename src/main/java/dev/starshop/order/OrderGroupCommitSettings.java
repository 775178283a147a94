package dev.starshop.order;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Orders placed while others are being placed share one transaction ({@link OrderPlacements}).
 *
 * @param enabled  share one transaction between concurrent order placements
 * @param lanes    how many shared transactions may run at once (each holds one database connection)
 * @param maxBatch most orders in one shared transaction
 */
@ConfigurationProperties("starshop.orders.group-commit")
public record OrderGroupCommitSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "2") int lanes,
        @Bindable(defaultValue = "16") int maxBatch) {
}

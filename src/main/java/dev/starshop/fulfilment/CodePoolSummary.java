package dev.starshop.fulfilment;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Counts only, never a code.
 *
 * @param unclaimed codes no order has claimed
 * @param reserved  unclaimed codes held for open orders (their units were reserved at order time)
 * @param available what buyers can still order: the product's stock
 */
@Serdeable
record CodePoolSummary(String sku, long total, long claimed, long unclaimed, long reserved, long available) {
}

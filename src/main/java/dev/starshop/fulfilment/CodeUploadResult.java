package dev.starshop.fulfilment;

import io.micronaut.serde.annotation.Serdeable;

/**
 * @param added      new codes in the pool
 * @param duplicates codes refused because the pool (or the upload itself) already had them
 * @param available  the product's stock afterwards: unclaimed codes not reserved by open orders
 */
@Serdeable
record CodeUploadResult(int added, int duplicates, long available) {
}

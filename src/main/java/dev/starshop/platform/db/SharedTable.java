package dev.starshop.platform.db;

/**
 * A database table that one package writes behind ({@link WriteBehind}) and another package may read
 * back inside the same shared transaction. The writer names its {@link WriteBehind.Table} by it and the
 * reader asks {@link WriteBehind#beforeReading} by it, so the two cannot drift apart by spelling: a
 * rename is one constant, and a reader that names a table nobody declares does not compile.
 */
public enum SharedTable {

    /** {@code payments}: checkout writes a shared commit's payment rows at its end. */
    PAYMENTS,

    /** {@code orders} with {@code order_events}: the order domain writes a shared commit's moves to PAID at its end. */
    ORDERS
}

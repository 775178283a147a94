package dev.starshop.bench;

import dev.starshop.support.StandalonePostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Orders waiting for payment, made in bulk with set-based SQL: the rows the checkout would have
 * written (a Stars order of one line, PENDING_PAYMENT, not expired), so the engine accepts a
 * successful_payment for each as paid. Order ids are {@code md5(tag-key)} as a UUID, which a
 * pgbench script can compute from the same tag and key without asking the database.
 */
final class PayableOrders {

    static final long BUYER = 777_001;
    static final long PRICE_STARS = 100;
    static final String SKU = "bench-stars";

    private PayableOrders() {
    }

    /** Creates one payable order per key and returns their ids, in the order of {@code keys}. */
    static List<UUID> create(StandalonePostgres postgres, String tag, long[] keys) throws SQLException {
        try (Connection db = postgres.connect()) {
            long product = product(db);
            Long[] boxed = java.util.Arrays.stream(keys).boxed().toArray(Long[]::new);
            execute(db, """
                    INSERT INTO orders (id, buyer_id, status, currency, total_amount, idempotency_key,
                                        created_at, expires_at, updated_at)
                    SELECT md5(?::text || '-' || k)::uuid, ?, 'PENDING_PAYMENT', 'XTR', ?, ?::text || '-' || k,
                           now(), now() + interval '1 day', now()
                    FROM unnest(?::bigint[]) AS k""", tag, BUYER, PRICE_STARS, tag, db.createArrayOf("bigint", boxed));
            execute(db, """
                    INSERT INTO order_lines (order_id, line_no, product_id, sku, title, kind, quantity,
                                             unit_amount, line_amount)
                    SELECT md5(?::text || '-' || k)::uuid, 1, ?, ?, 'Bench item', 'DIGITAL', 1, ?, ?
                    FROM unnest(?::bigint[]) AS k""", tag, product, SKU, PRICE_STARS, PRICE_STARS,
                    db.createArrayOf("bigint", boxed));
            return ids(db, tag, boxed);
        }
    }

    /** Keys 1..count, for one client posting them in turn. */
    static long[] sequence(int count) {
        return java.util.stream.LongStream.rangeClosed(1, count).toArray();
    }

    private static long product(Connection db) throws SQLException {
        execute(db, "INSERT INTO buyers (telegram_user_id, first_name) VALUES (?, 'Bench') ON CONFLICT DO NOTHING",
                BUYER);
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO products (sku, title, description, kind) VALUES (?, 'Bench item', 'For benchmarks.', 'DIGITAL')
                ON CONFLICT (sku) DO UPDATE SET updated_at = now() RETURNING id""")) {
            insert.setString(1, SKU);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<UUID> ids(Connection db, String tag, Long[] keys) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT md5(?::text || '-' || k)::uuid FROM unnest(?::bigint[]) WITH ORDINALITY AS t(k, n) ORDER BY n")) {
            select.setString(1, tag);
            select.setArray(2, db.createArrayOf("bigint", keys));
            List<UUID> ids = new ArrayList<>(keys.length);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static void execute(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}

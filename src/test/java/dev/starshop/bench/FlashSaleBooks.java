package dev.starshop.bench;

import dev.starshop.support.StandalonePostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The flash sale's product, orders and books read straight from PostgreSQL, as an auditor with psql
 * would. Every check is scoped to the sale's product and the orders the buyers were given, and
 * returns what is wrong as readable lines: an empty list means it adds up.
 */
final class FlashSaleBooks {

    private final StandalonePostgres postgres;
    private final String sku;

    FlashSaleBooks(StandalonePostgres postgres, String sku) {
        this.postgres = postgres;
        this.sku = sku;
    }

    /**
     * Nothing oversold: the product's orders are exactly the orders buyers were told they got, one
     * unit each, one per buyer, {@code units} in all, each waiting for payment with its invoice
     * link; and the stock left is the stock minus what they hold, which is zero.
     */
    List<String> soldExactly(int units, Collection<UUID> placed) {
        UUID[] ids = placed.toArray(UUID[]::new);
        List<String> found = new ArrayList<>();
        found.addAll(texts("""
                SELECT 'the product has ' || count(*) || ' order line(s) for ' || coalesce(sum(l.quantity), 0)
                       || ' unit(s) from ' || count(DISTINCT o.buyer_id) || ' buyer(s); expected ' || ?::int || ' of each'
                FROM order_lines l JOIN orders o ON o.id = l.order_id
                WHERE l.product_id = (SELECT id FROM products WHERE sku = ?)
                HAVING count(*) <> ?::int OR coalesce(sum(l.quantity), 0) <> ?::int
                    OR count(DISTINCT o.buyer_id) <> ?::int""", units, sku, units, units, units));
        found.addAll(texts("""
                SELECT 'order ' || o.id || ' is in the database but no buyer was told of it'
                FROM order_lines l JOIN orders o ON o.id = l.order_id
                WHERE l.product_id = (SELECT id FROM products WHERE sku = ?) AND NOT o.id = ANY(?::uuid[])""",
                sku, ids));
        found.addAll(texts("""
                SELECT 'order ' || p || ' was answered 201 but is ' || coalesce(o.status, 'missing')
                       || CASE WHEN o.invoice_link IS NULL THEN ' without an invoice link' ELSE '' END
                FROM unnest(?::uuid[]) p LEFT JOIN orders o ON o.id = p
                WHERE o.id IS NULL OR o.status <> 'PENDING_PAYMENT' OR o.invoice_link IS NULL""", (Object) ids));
        found.addAll(stockLeft(0));
        return found;
    }

    /** The stock counter: {@code expected} left, never below zero. */
    List<String> stockLeft(int expected) {
        return texts("""
                SELECT 'stock_available is ' || coalesce(stock_available::text, 'unlimited') || ', expected ' || ?::int
                FROM products WHERE sku = ? AND stock_available IS DISTINCT FROM ?::int""", expected, sku, expected);
    }

    /**
     * Every order paid exactly once and booked: PAID, one payment row, one PAYMENT ledger
     * transaction balanced to the nanostar; sales revenue {@code units × price} and as much owed by
     * Telegram.
     */
    List<String> paidAndBooked(Collection<UUID> placed, long price) {
        UUID[] ids = placed.toArray(UUID[]::new);
        long revenue = ids.length * price;
        List<String> found = new ArrayList<>();
        found.addAll(texts("""
                SELECT 'order ' || p || ': ' || coalesce(o.status, 'missing') || ', '
                       || (SELECT count(*) FROM payments y WHERE y.order_id = p AND y.kind = 'PAYMENT') || ' payment(s), '
                       || (SELECT count(*) FROM ledger_transactions t WHERE t.order_id = p AND t.kind = 'PAYMENT')
                       || ' ledger transaction(s)'
                FROM unnest(?::uuid[]) p LEFT JOIN orders o ON o.id = p
                WHERE coalesce(o.status, 'missing') <> 'PAID'
                   OR (SELECT count(*) FROM payments y WHERE y.order_id = p AND y.kind = 'PAYMENT') <> 1
                   OR (SELECT count(*) FROM ledger_transactions t WHERE t.order_id = p AND t.kind = 'PAYMENT') <> 1""",
                (Object) ids));
        found.addAll(texts("""
                SELECT 'ledger transaction ' || t.id || ' (' || t.external_key || ') sums to '
                       || coalesce(sum(p.amount::numeric * 1000000000 + p.nanos), 0) || ' nanostars'
                FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id
                WHERE t.order_id = ANY(?::uuid[])
                GROUP BY t.id, t.external_key
                HAVING count(p.id) = 0 OR sum(p.amount::numeric * 1000000000 + p.nanos) <> 0""", (Object) ids));
        found.addAll(texts("""
                SELECT 'sales_revenue credited ' || coalesce(-sum(p.amount) FILTER (WHERE p.account = 'sales_revenue'), 0)
                       || ' XTR and telegram_stars_receivable debited '
                       || coalesce(sum(p.amount) FILTER (WHERE p.account = 'telegram_stars_receivable'), 0)
                       || ' XTR; expected ' || ?::bigint || ' each'
                FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
                WHERE t.order_id = ANY(?::uuid[])
                HAVING coalesce(-sum(p.amount) FILTER (WHERE p.account = 'sales_revenue'), 0) <> ?::bigint
                    OR coalesce(sum(p.amount) FILTER (WHERE p.account = 'telegram_stars_receivable'), 0) <> ?::bigint
                    OR bool_or(p.currency <> 'XTR' OR p.nanos <> 0)""", revenue, ids, revenue, revenue));
        found.addAll(stockLeft(0));
        return found;
    }

    /** How many of these orders are PAID. */
    long paid(Collection<UUID> placed) {
        return Long.parseLong(texts("SELECT count(*) FROM orders WHERE status = 'PAID' AND id = ANY(?::uuid[])",
                (Object) placed.toArray(UUID[]::new)).get(0));
    }

    private List<String> texts(String sql, Object... parameters) {
        try (Connection db = postgres.connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(i + 1, value instanceof UUID[] ids ? db.createArrayOf("uuid", ids) : value);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

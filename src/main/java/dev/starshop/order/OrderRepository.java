package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.catalog.ProductKind;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Orders, their lines and their timeline in PostgreSQL. Callers own the transaction. */
@Singleton
class OrderRepository {

    private static final String ORDER_COLUMNS =
            "id, buyer_id, status, currency, total_amount, invoice_link, created_at, expires_at, "
                    + "charged_amount, charged_shipping_amount, charged_tip_amount";

    private final Sql sql;
    private final CurrencyTable currencies;

    OrderRepository(Sql sql, CurrencyTable currencies) {
        this.sql = sql;
        this.currencies = currencies;
    }

    /**
     * Inserts or refreshes the buyer's row. Either way the row stays locked until the transaction
     * ends ({@code ON CONFLICT DO UPDATE} locks the row it updates; a fresh insert is invisible, and
     * a concurrent insert of the same id waits on it): this is the per-buyer lock that
     * {@link OrderService} counts unpaid orders under. Keep it a DO UPDATE; DO NOTHING would not lock.
     */
    void upsertBuyer(Buyer buyer, Instant now) {
        sql.update("""
                INSERT INTO buyers (telegram_user_id, first_name, last_name, username, language_code,
                                    first_seen_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (telegram_user_id) DO UPDATE SET first_name = EXCLUDED.first_name,
                    last_name = EXCLUDED.last_name, username = EXCLUDED.username,
                    language_code = EXCLUDED.language_code, last_seen_at = EXCLUDED.last_seen_at""", s -> {
                    s.setLong(1, buyer.telegramUserId());
                    s.setString(2, buyer.firstName());
                    s.setString(3, buyer.lastName());
                    s.setString(4, buyer.username());
                    s.setString(5, buyer.languageCode());
                    s.setTimestamp(6, Timestamp.from(now));
                    s.setTimestamp(7, Timestamp.from(now));
                });
    }

    /**
     * Inserts the order unless this buyer already used the idempotency key. A concurrent insert
     * with the same key waits for the other transaction and then reports false.
     */
    boolean insert(Order order, IdempotencyKey key) {
        return sql.update("""
                INSERT INTO orders (id, buyer_id, status, currency, total_amount, invoice_link,
                                    idempotency_key, request_fingerprint, created_at, expires_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (buyer_id, idempotency_key) DO NOTHING""", s -> {
                    s.setObject(1, order.id());
                    s.setLong(2, order.buyerId());
                    s.setString(3, order.status().name());
                    s.setString(4, order.total().currency().code());
                    s.setLong(5, order.total().amount());
                    s.setString(6, order.invoiceLink());
                    s.setString(7, key.value());
                    s.setString(8, key.fingerprint());
                    s.setTimestamp(9, Timestamp.from(order.createdAt()));
                    s.setTimestamp(10, Timestamp.from(order.expiresAt()));
                    s.setTimestamp(11, Timestamp.from(order.createdAt()));
                }) == 1;
    }

    void insertLines(Order order) {
        for (OrderLine line : order.lines()) {
            sql.update("""
                    INSERT INTO order_lines (order_id, line_no, product_id, sku, title, kind, quantity,
                                             unit_amount, line_amount)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", s -> {
                        s.setObject(1, order.id());
                        s.setInt(2, line.lineNo());
                        s.setLong(3, line.productId());
                        s.setString(4, line.sku());
                        s.setString(5, line.title());
                        s.setString(6, line.kind().name());
                        s.setInt(7, line.quantity());
                        s.setLong(8, line.unitPrice().amount());
                        s.setLong(9, line.lineTotal().amount());
                    });
        }
    }

    /**
     * The buyer's orders still waiting for payment and still payable at {@code now}, counted up to
     * {@code cap} (the limit), so the cost stays a few index entries however many there are.
     */
    int countUnpaid(long buyerId, Instant now, int cap) {
        return sql.one("""
                SELECT count(*) FROM (SELECT 1 FROM orders
                                      WHERE buyer_id = ? AND status = 'PENDING_PAYMENT' AND expires_at > ?
                                      LIMIT ?) AS unpaid""", s -> {
                    s.setLong(1, buyerId);
                    s.setTimestamp(2, Timestamp.from(now));
                    s.setInt(3, cap);
                }, row -> row.getInt(1)).orElse(0);
    }

    /** Moves the order from {@code from} to {@code to}; false if it was no longer in {@code from}. */
    boolean updateStatus(UUID id, OrderStatus from, OrderStatus to, Instant now) {
        return sql.update("UPDATE orders SET status = ?, updated_at = ? WHERE id = ? AND status = ?", s -> {
            s.setString(1, to.name());
            s.setTimestamp(2, Timestamp.from(now));
            s.setObject(3, id);
            s.setString(4, from.name());
        }) == 1;
    }

    void appendEvent(UUID orderId, Instant at, String kind, String detail) {
        sql.update("INSERT INTO order_events (order_id, at, kind, detail) VALUES (?, ?, ?, ?)", s -> {
            s.setObject(1, orderId);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, kind);
            s.setString(4, detail);
        });
    }

    Optional<Order> find(UUID id) {
        return withLines(sql.list("SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = ?",
                s -> s.setObject(1, id), this::readOrder)).stream().findFirst();
    }

    Optional<Order> lockForUpdate(UUID id) {
        return withLines(sql.list("SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = ? FOR UPDATE",
                s -> s.setObject(1, id), this::readOrder)).stream().findFirst();
    }

    /** Sets the link unless one was set meanwhile; returns whether this call set it. */
    boolean setInvoiceLink(UUID id, String link, Instant now) {
        return sql.update("UPDATE orders SET invoice_link = ?, updated_at = ? WHERE id = ? AND invoice_link IS NULL",
                s -> {
                    s.setString(1, link);
                    s.setTimestamp(2, Timestamp.from(now));
                    s.setObject(3, id);
                }) == 1;
    }

    List<OrderEvent> events(UUID orderId) {
        return sql.list("SELECT at, kind, detail FROM order_events WHERE order_id = ? ORDER BY id",
                s -> s.setObject(1, orderId),
                row -> new OrderEvent(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3)));
    }

    Optional<StoredKey> findKey(long buyerId, String key) {
        return sql.one("SELECT id, request_fingerprint FROM orders WHERE buyer_id = ? AND idempotency_key = ?",
                s -> {
                    s.setLong(1, buyerId);
                    s.setString(2, key);
                }, row -> new StoredKey(row.getObject(1, UUID.class), row.getString(2)));
    }

    List<Order> findByBuyer(long buyerId, int limit) {
        return withLines(sql.list("SELECT " + ORDER_COLUMNS + " FROM orders WHERE buyer_id = ? "
                + "ORDER BY created_at DESC, id LIMIT ?", s -> {
                    s.setLong(1, buyerId);
                    s.setInt(2, limit);
                }, this::readOrder));
    }

    /** Pending orders past their expiry, locked for this transaction; others' locks are skipped. */
    List<Order> lockExpired(Instant now, int batchSize) {
        return withLines(sql.list("SELECT " + ORDER_COLUMNS + " FROM orders "
                + "WHERE status = 'PENDING_PAYMENT' AND expires_at <= ? "
                + "ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED", s -> {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setInt(2, batchSize);
                }, this::readOrder));
    }

    private List<Order> withLines(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<OrderLine>> lines = linesOf(orders);
        return orders.stream().map(order -> new Order(order.id(), order.buyerId(), order.status(), order.total(),
                order.invoiceLink(), order.createdAt(), order.expiresAt(),
                lines.getOrDefault(order.id(), List.of()), order.charge())).toList();
    }

    private Map<UUID, List<OrderLine>> linesOf(List<Order> orders) {
        Map<UUID, String> currencyOf = new HashMap<>();
        orders.forEach(order -> currencyOf.put(order.id(), order.total().currency().code()));
        Map<UUID, List<OrderLine>> lines = new HashMap<>();
        sql.list("SELECT order_id, line_no, product_id, sku, title, kind, quantity, unit_amount "
                        + "FROM order_lines WHERE order_id = ANY(?) ORDER BY order_id, line_no",
                s -> s.setArray(1, s.getConnection().createArrayOf("uuid", currencyOf.keySet().toArray())),
                row -> {
                    UUID orderId = row.getObject(1, UUID.class);
                    Money unit = currencies.money(row.getLong(8), currencyOf.get(orderId));
                    return Map.entry(orderId, new OrderLine(row.getInt(2), row.getLong(3), row.getString(4),
                            row.getString(5), ProductKind.valueOf(row.getString(6)), row.getInt(7), unit));
                }).forEach(entry -> lines.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                .add(entry.getValue()));
        return lines;
    }

    private Order readOrder(ResultSet row) throws SQLException {
        Money total = currencies.money(row.getLong(5), row.getString(4).trim());
        return new Order(row.getObject(1, UUID.class), row.getLong(2), OrderStatus.valueOf(row.getString(3)),
                total, row.getString(6), row.getTimestamp(7).toInstant(), row.getTimestamp(8).toInstant(), List.of(),
                readCharge(row, total));
    }

    private static Charge readCharge(ResultSet row, Money total) throws SQLException {
        Long charged = row.getObject(9, Long.class);
        if (charged == null) {
            return null;
        }
        return new Charge(new Money(charged, total.currency()), new Money(row.getLong(10), total.currency()),
                new Money(row.getLong(11), total.currency()));
    }

    void recordCharge(UUID id, Charge charge) {
        sql.update("UPDATE orders SET charged_amount = ?, charged_shipping_amount = ?, charged_tip_amount = ? "
                + "WHERE id = ?", s -> {
                    s.setLong(1, charge.total().amount());
                    s.setLong(2, charge.shipping().amount());
                    s.setLong(3, charge.tip().amount());
                    s.setObject(4, id);
                });
    }


    /** An idempotency key already on file, with the fingerprint of the request that used it. */
    record StoredKey(UUID orderId, String fingerprint) {
    }
}

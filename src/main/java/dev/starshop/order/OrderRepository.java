package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.catalog.ProductKind;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.ReadAhead;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import dev.starshop.promo.Discount;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders, their lines and their timeline in PostgreSQL. Callers own the transaction. In a shared (group)
 * commit a payment's move to PAID waits for the end ({@link #moveLate}); every method here that reads or
 * writes an order writes what waits for it first (all that waits, for a read of orders by anything but id).
 */
@Singleton
class OrderRepository {

    private static final String ORDER_COLUMNS =
            "id, buyer_id, status, currency, total_amount, invoice_link, created_at, expires_at, "
                    + "charged_amount, charged_shipping_amount, charged_tip_amount, discount_amount, promo_code";

    /** An order's columns and its lines' beside them, for reading both in one statement. */
    private static final String JOINED_COLUMNS =
            "o.id, o.buyer_id, o.status, o.currency, o.total_amount, o.invoice_link, o.created_at, o.expires_at, "
                    + "o.charged_amount, o.charged_shipping_amount, o.charged_tip_amount, o.discount_amount, "
                    + "o.promo_code, l.line_no, l.product_id, l.sku, l.title, l.kind, l.quantity, l.unit_amount";

    private final Sql sql;
    private final CurrencyTable currencies;
    private final ReadAhead readAhead;
    private final LateMoves lateMoves;

    OrderRepository(Sql sql, CurrencyTable currencies, ReadAhead readAhead, LateMoves lateMoves) {
        this.sql = sql;
        this.currencies = currencies;
        this.readAhead = readAhead;
        this.lateMoves = lateMoves;
    }

    /**
     * Inserts or refreshes the buyer's row. Either way the row stays locked until the transaction
     * ends ({@code ON CONFLICT DO UPDATE} locks the row it updates; a fresh insert is invisible, and
     * a concurrent insert of the same id waits on it): this is the per-buyer lock that
     * {@link OrderService} counts unpaid orders under. Keep it a DO UPDATE; DO NOTHING would not lock.
     */
    void upsertBuyer(Buyer buyer, Instant now) {
        readAhead.forget(ReadAheadKeys.buyer(buyer.telegramUserId()));
        sql.update("""
                INSERT INTO buyers (telegram_user_id, first_name, last_name, username, language_code,
                                    first_seen_at, last_seen_at)
                VALUES (:telegramUserId, :firstName, :lastName, :username, :languageCode, :now, :now)
                ON CONFLICT (telegram_user_id) DO UPDATE SET first_name = EXCLUDED.first_name,
                    last_name = EXCLUDED.last_name, username = EXCLUDED.username,
                    language_code = EXCLUDED.language_code, last_seen_at = EXCLUDED.last_seen_at""",
                Params.of("telegramUserId", buyer.telegramUserId()).and("firstName", buyer.firstName())
                        .and("lastName", buyer.lastName()).and("username", buyer.username())
                        .and("languageCode", buyer.languageCode()).and("now", now));
    }

    /**
     * Inserts the order unless this buyer already used the idempotency key. A concurrent insert
     * with the same key waits for the other transaction and then reports false.
     */
    boolean insert(Order order, IdempotencyKey key) {
        readAhead.forget(ReadAheadKeys.order(order.id()));
        return sql.update("""
                INSERT INTO orders (id, buyer_id, status, currency, total_amount, invoice_link,
                                    idempotency_key, request_fingerprint, created_at, expires_at, updated_at,
                                    discount_amount, promo_code)
                VALUES (:id, :buyerId, :status, :currency, :totalAmount, :invoiceLink,
                        :idempotencyKey, :requestFingerprint, :createdAt, :expiresAt, :createdAt,
                        :discountAmount, :promoCode)
                ON CONFLICT (buyer_id, idempotency_key) DO NOTHING""",
                Params.of("id", order.id()).and("buyerId", order.buyerId()).and("status", order.status())
                        .and("currency", order.total().currency().code()).and("totalAmount", order.total().amount())
                        .and("invoiceLink", order.invoiceLink()).and("idempotencyKey", key.value())
                        .and("requestFingerprint", key.fingerprint()).and("createdAt", order.createdAt())
                        .and("expiresAt", order.expiresAt()).and("discountAmount", order.discount().amount())
                        .and("promoCode", order.promoCode())) == 1;
    }

    /** The order's lines, each with its share of the order's discount ({@code discount}: empty without a code). */
    void insertLines(Order order, Optional<Discount> discount) {
        readAhead.forget(ReadAheadKeys.order(order.id()));
        for (OrderLine line : order.lines()) {
            sql.update("""
                    INSERT INTO order_lines (order_id, line_no, product_id, sku, title, kind, quantity,
                                             unit_amount, line_amount, discount_amount)
                    VALUES (:orderId, :lineNo, :productId, :sku, :title, :kind, :quantity,
                            :unitAmount, :lineAmount, :discountAmount)""",
                    Params.of("orderId", order.id()).and("lineNo", line.lineNo()).and("productId", line.productId())
                            .and("sku", line.sku()).and("title", line.title()).and("kind", line.kind())
                            .and("quantity", line.quantity()).and("unitAmount", line.unitPrice().amount())
                            .and("lineAmount", line.lineTotal().amount())
                            .and("discountAmount", discount.map(d -> d.onLine(line.sku())).orElse(0L)));
        }
    }

    /**
     * The buyer's orders still waiting for payment and still payable at {@code now}, counted up to
     * {@code cap} (the limit), so the cost stays a few index entries however many there are.
     */
    int countUnpaid(long buyerId, Instant now, int cap) {
        lateMoves.writeAll();
        return sql.one("""
                SELECT count(*) AS unpaid FROM (SELECT 1 FROM orders
                                                WHERE buyer_id = :buyerId AND status = 'PENDING_PAYMENT'
                                                  AND expires_at > :now
                                                LIMIT :cap) AS payable""",
                Params.of("buyerId", buyerId).and("now", now).and("cap", cap),
                row -> row.getInt("unpaid")).orElse(0);
    }

    /**
     * Moves the order from {@code from} to {@code to} and appends the timeline event in one
     * statement (one round trip); with a {@code charge}, also remembers what the buyer paid. False,
     * and nothing written, if the order was no longer in {@code from}.
     */
    boolean move(UUID id, OrderStatus from, OrderStatus to, Instant now, String why, @Nullable Charge charge) {
        lateMoves.writeFor(id);
        readAhead.forget(ReadAheadKeys.order(id));
        return sql.update("""
                WITH moved AS (
                    UPDATE orders SET status = :to, updated_at = :now,
                                      charged_amount = coalesce(:total::bigint, charged_amount),
                                      charged_shipping_amount = coalesce(:shipping::bigint, charged_shipping_amount),
                                      charged_tip_amount = coalesce(:tip::bigint, charged_tip_amount)
                    WHERE id = :id AND status = :from
                    RETURNING id)
                INSERT INTO order_events (order_id, at, kind, detail)
                SELECT id, :now, :kind, :why FROM moved""",
                Params.of("to", to).and("now", now).and("id", id).and("from", from).and("kind", to.name())
                        .and("why", why).and("total", charge == null ? null : charge.total().amount())
                        .and("shipping", charge == null ? null : charge.shipping().amount())
                        .and("tip", charge == null ? null : charge.tip().amount())) == 1;
    }

    /**
     * {@link #move}, except in a shared (group) commit: there the move waits and is written with the
     * batch's others by one statement at its end ({@link LateMoves}), and true is answered now. The
     * caller holds the order's lock and every other read or write of the order in the transaction
     * writes what waits for it first, so the state checked at the end is the one read; a move that
     * finds its order in another state there throws, and the shared transaction rolls back to be
     * written again update by update, where this moves at once.
     */
    boolean moveLate(UUID id, OrderStatus from, OrderStatus to, Instant now, String why, @Nullable Charge charge) {
        lateMoves.writeFor(id);
        readAhead.forget(ReadAheadKeys.order(id));
        return lateMoves.offer(id, from, to, now, why, charge) || move(id, from, to, now, why, charge);
    }

    /** Moves the order from {@code from} to {@code to}; false if it was no longer in {@code from}. */
    boolean updateStatus(UUID id, OrderStatus from, OrderStatus to, Instant now) {
        lateMoves.writeFor(id);
        readAhead.forget(ReadAheadKeys.order(id));
        return sql.update("UPDATE orders SET status = :to, updated_at = :now WHERE id = :id AND status = :from",
                Params.of("to", to).and("now", now).and("id", id).and("from", from)) == 1;
    }

    void appendEvent(UUID orderId, Instant at, String kind, String detail) {
        lateMoves.writeFor(orderId);
        readAhead.forget(ReadAheadKeys.order(orderId));
        sql.update("INSERT INTO order_events (order_id, at, kind, detail) VALUES (:orderId, :at, :kind, :detail)",
                Params.of("orderId", orderId).and("at", at).and("kind", kind).and("detail", detail));
    }

    Optional<Order> find(UUID id) {
        lateMoves.writeFor(id);
        return withLines(sql.list("SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = :id",
                Params.of("id", id), this::readOrder)).stream().findFirst();
    }

    /**
     * The order with its lines, read and locked in one statement (the lines' rows are not locked);
     * an entry {@link #lockAllForUpdate} read ahead in this transaction, if the order has not been
     * written since, is taken instead (once: the next lock reads the database again).
     */
    Optional<Order> lockForUpdate(UUID id) {
        Optional<Optional<Order>> ahead = readAhead.take(ReadAheadKeys.order(id));
        if (ahead.isPresent()) {
            return ahead.get();
        }
        lateMoves.writeFor(id);
        return single(sql.list("SELECT " + JOINED_COLUMNS + """
                 FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
                WHERE o.id = :id ORDER BY l.line_no FOR UPDATE OF o""",
                Params.of("id", id), this::readJoined));
    }

    /**
     * Locks every order of {@code ids} and reads it with its lines in one statement, in id order (so
     * two transactions locking overlapping sets queue instead of deadlocking), and keeps each, and
     * each id not found, for one {@link #lockForUpdate} of it in this transaction. Answers the orders found.
     */
    List<Order> lockAllForUpdate(Collection<UUID> ids) {
        lateMoves.writeAll();
        Map<UUID, List<Map.Entry<Order, Optional<OrderLine>>>> byOrder = new LinkedHashMap<>();
        sql.list("SELECT " + JOINED_COLUMNS + """
                 FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
                WHERE o.id = ANY(:ids) ORDER BY o.id, l.line_no FOR UPDATE OF o""",
                Params.of("ids", ids.toArray(UUID[]::new)), this::readJoined)
                .forEach(row -> byOrder.computeIfAbsent(row.getKey().id(), id -> new ArrayList<>()).add(row));
        List<Order> locked = byOrder.values().stream().map(rows -> single(rows).orElseThrow()).toList();
        ids.forEach(id -> readAhead.put(ReadAheadKeys.order(id), Optional.<Order>empty()));
        locked.forEach(order -> readAhead.put(ReadAheadKeys.order(order.id()), Optional.of(order)));
        return locked;
    }

    private Map.Entry<Order, Optional<OrderLine>> readJoined(Row row) throws SQLException {
        Order order = readOrder(row);
        return Map.entry(order, row.getIntOrNull("line_no") == null ? Optional.<OrderLine>empty()
                : Optional.of(readLine(row, order.total().currency().code())));
    }

    /** One order's joined rows (its lines in order) as the order with its lines. */
    private static Optional<Order> single(List<Map.Entry<Order, Optional<OrderLine>>> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.get(0).getKey().withLines(rows.stream().flatMap(r -> r.getValue().stream()).toList()));
    }

    /**
     * Sets the link unless one was set meanwhile. Answers the order's row as this update left it
     * (without its lines, which an update of the link does not change), or empty when another call
     * had set a link first.
     */
    Optional<Order> setInvoiceLink(UUID id, String link, Instant now) {
        lateMoves.writeFor(id);
        readAhead.forget(ReadAheadKeys.order(id));
        return sql.one("UPDATE orders SET invoice_link = :link, updated_at = :now "
                        + "WHERE id = :id AND invoice_link IS NULL RETURNING " + ORDER_COLUMNS,
                Params.of("link", link).and("now", now).and("id", id), this::readOrder);
    }

    List<OrderEvent> events(UUID orderId) {
        lateMoves.writeFor(orderId);
        return sql.list("SELECT at, kind, detail FROM order_events WHERE order_id = :orderId ORDER BY id",
                Params.of("orderId", orderId),
                row -> new OrderEvent(row.getInstant("at"), row.getString("kind"), row.getString("detail")));
    }

    Optional<StoredKey> findKey(long buyerId, String key) {
        lateMoves.writeAll();
        return sql.one("SELECT id, request_fingerprint FROM orders "
                        + "WHERE buyer_id = :buyerId AND idempotency_key = :key",
                Params.of("buyerId", buyerId).and("key", key),
                row -> new StoredKey(row.getUuid("id"), row.getString("request_fingerprint")));
    }

    List<Order> findByBuyer(long buyerId, int limit) {
        lateMoves.writeAll();
        return withLines(sql.list("SELECT " + ORDER_COLUMNS + " FROM orders WHERE buyer_id = :buyerId "
                + "ORDER BY created_at DESC, id LIMIT :limit", Params.of("buyerId", buyerId).and("limit", limit),
                this::readOrder));
    }

    /** Pending orders past their expiry, locked for this transaction; others' locks are skipped. */
    List<Order> lockExpired(Instant now, int batchSize) {
        lateMoves.writeAll();
        return withLines(sql.list("SELECT " + ORDER_COLUMNS + " FROM orders "
                + "WHERE status = 'PENDING_PAYMENT' AND expires_at <= :now "
                + "ORDER BY expires_at LIMIT :batchSize FOR UPDATE SKIP LOCKED",
                Params.of("now", now).and("batchSize", batchSize), this::readOrder));
    }

    private List<Order> withLines(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<OrderLine>> lines = linesOf(orders);
        return orders.stream().map(order -> order.withLines(lines.getOrDefault(order.id(), List.of()))).toList();
    }

    private Map<UUID, List<OrderLine>> linesOf(List<Order> orders) {
        Map<UUID, String> currencyOf = new HashMap<>();
        orders.forEach(order -> currencyOf.put(order.id(), order.total().currency().code()));
        Map<UUID, List<OrderLine>> lines = new HashMap<>();
        sql.list("SELECT order_id, line_no, product_id, sku, title, kind, quantity, unit_amount "
                        + "FROM order_lines WHERE order_id = ANY(:orderIds) ORDER BY order_id, line_no",
                Params.of("orderIds", currencyOf.keySet().toArray(UUID[]::new)),
                row -> {
                    UUID orderId = row.getUuid("order_id");
                    return Map.entry(orderId, readLine(row, currencyOf.get(orderId)));
                }).forEach(entry -> lines.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                .add(entry.getValue()));
        return lines;
    }

    private OrderLine readLine(Row row, String currency) throws SQLException {
        return new OrderLine(row.getInt("line_no"), row.getLong("product_id"), row.getString("sku"),
                row.getString("title"), ProductKind.valueOf(row.getString("kind")), row.getInt("quantity"),
                currencies.money(row.getLong("unit_amount"), currency));
    }

    private Order readOrder(Row row) throws SQLException {
        Money total = currencies.money(row.getLong("total_amount"), row.getString("currency"));
        return new Order(row.getUuid("id"), row.getLong("buyer_id"), OrderStatus.valueOf(row.getString("status")),
                total, row.getString("invoice_link"), row.getInstant("created_at"), row.getInstant("expires_at"),
                List.of(), readCharge(row, total), new Money(row.getLong("discount_amount"), total.currency()),
                row.getString("promo_code"));
    }

    private static Charge readCharge(Row row, Money total) throws SQLException {
        Long charged = row.getLongOrNull("charged_amount");
        if (charged == null) {
            return null;
        }
        return new Charge(new Money(charged, total.currency()),
                new Money(row.getLong("charged_shipping_amount"), total.currency()),
                new Money(row.getLong("charged_tip_amount"), total.currency()));
    }

    /** An idempotency key already on file, with the fingerprint of the request that used it. */
    record StoredKey(UUID orderId, String fingerprint) {
    }
}

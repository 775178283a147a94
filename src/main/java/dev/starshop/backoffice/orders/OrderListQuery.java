package dev.starshop.backoffice.orders;

import dev.starshop.backoffice.orders.AdminOrderViews.BuyerView;
import dev.starshop.backoffice.orders.AdminOrderViews.OrderPage;
import dev.starshop.backoffice.orders.AdminOrderViews.OrderRow;
import dev.starshop.money.CurrencyTable;
import dev.starshop.order.OrderStatus;
import dev.starshop.platform.db.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admin order list: newest first, filtered, one keyset page at a time. The WHERE clause is
 * assembled from fixed fragments; every value is a bound parameter.
 */
@Singleton
final class OrderListQuery {

    private static final String SELECT = """
            SELECT o.id, o.status, o.currency, o.total_amount, o.created_at,
                   b.telegram_user_id, b.username, b.first_name, b.last_name,
                   (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id
                        AND p.currency = o.currency AND p.kind IN ('PAYMENT', 'RENEWAL')) AS paid,
                   (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id
                        AND p.currency = o.currency AND p.kind = 'REFUND') AS refunded
            FROM orders o JOIN buyers b ON b.telegram_user_id = o.buyer_id
            WHERE TRUE""";
    private static final String ORDER = " ORDER BY o.created_at DESC, o.id DESC LIMIT ?";

    private final Sql sql;
    private final CurrencyTable currencies;

    OrderListQuery(Sql sql, CurrencyTable currencies) {
        this.sql = sql;
        this.currencies = currencies;
    }

    /** One page; a row beyond the limit is read only to learn whether another page follows. */
    OrderPage page(OrderFilter filter) {
        List<Object> values = new ArrayList<>();
        String query = SELECT + where(filter, values) + ORDER;
        values.add(filter.limit() + 1);
        List<OrderRow> rows = sql.list(query, s -> bind(s, values), this::row);
        if (rows.size() <= filter.limit()) {
            return new OrderPage(rows, null);
        }
        List<OrderRow> page = rows.subList(0, filter.limit());
        OrderRow last = page.get(page.size() - 1);
        return new OrderPage(List.copyOf(page), new OrderCursor(last.createdAt(), last.id()).encode());
    }

    /** How many orders are in each state, every state listed (the console's tab badges). */
    Map<OrderStatus, Long> countsByStatus() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
        }
        sql.list("SELECT status, count(*) FROM orders GROUP BY status", Sql.Binder.NONE,
                row -> Map.entry(OrderStatus.valueOf(row.getString(1)), row.getLong(2)))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    private static String where(OrderFilter filter, List<Object> values) {
        StringBuilder where = new StringBuilder();
        if (!filter.statuses().isEmpty()) {
            where.append(" AND o.status = ANY(?)");
            values.add(filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.currency() != null) {
            where.append(" AND o.currency = ?");
            values.add(filter.currency());
        }
        if (filter.from() != null) {
            where.append(" AND o.created_at >= ?");
            values.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND o.created_at < ?");
            values.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        appendBuyer(filter.buyer(), where, values);
        if (filter.after() != null) {
            where.append(" AND (o.created_at, o.id) < (?, ?)");
            values.add(OffsetDateTime.ofInstant(filter.after().createdAt(), ZoneOffset.UTC));
            values.add(filter.after().id());
        }
        return where.toString();
    }

    private static void appendBuyer(@Nullable OrderFilter.BuyerRef buyer, StringBuilder where, List<Object> values) {
        if (buyer == null) {
            return;
        }
        if (buyer.userId() != null) {
            where.append(" AND o.buyer_id = ?");
            values.add(buyer.userId());
        } else {
            where.append(" AND lower(b.username) = lower(?)");
            values.add(buyer.username());
        }
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof String[] texts) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", texts));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private OrderRow row(ResultSet row) throws SQLException {
        String currency = row.getString(3).trim();
        return new OrderRow(row.getObject(1, UUID.class), OrderStatus.valueOf(row.getString(2)),
                AmountView.of(row.getLong(4), currency, currencies),
                buyer(row, 6), row.getObject(5, OffsetDateTime.class).toInstant(),
                AmountView.of(row.getLong(10), currency, currencies),
                AmountView.of(row.getLong(11), currency, currencies));
    }

    /** The buyer from four columns starting at {@code first}: id, username, first and last name. */
    static BuyerView buyer(ResultSet row, int first) throws SQLException {
        String name = String.join(" ", nonNull(row.getString(first + 2)), nonNull(row.getString(first + 3))).strip();
        return new BuyerView(row.getLong(first), row.getString(first + 1), name.isEmpty() ? null : name);
    }

    private static String nonNull(@Nullable String text) {
        return text == null ? "" : text;
    }
}

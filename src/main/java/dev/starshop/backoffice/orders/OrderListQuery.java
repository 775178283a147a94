package dev.starshop.backoffice.orders;

import dev.starshop.order.Attribution;
import dev.starshop.backoffice.orders.AdminOrderViews.BuyerView;
import dev.starshop.backoffice.orders.AdminOrderViews.OrderPage;
import dev.starshop.backoffice.orders.AdminOrderViews.OrderRow;
import dev.starshop.money.CurrencyTable;
import dev.starshop.order.OrderStatus;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The admin order list: newest first, filtered, one keyset page at a time. The WHERE clause is
 * assembled from fixed fragments; every value is a bound parameter.
 */
@Singleton
final class OrderListQuery {

    private static final String SELECT_PAGE = """
            SELECT o.id, o.status, o.currency, o.total_amount, o.created_at,
                   b.telegram_user_id, b.username, b.first_name, b.last_name,
                   (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id
                        AND p.currency = o.currency AND p.kind IN ('PAYMENT', 'RENEWAL')) AS paid,
                   (SELECT coalesce(sum(p.total_amount), 0) FROM payments p WHERE p.order_id = o.id
                        AND p.currency = o.currency AND p.kind = 'REFUND') AS refunded,
                   """ + Attribution.SOURCE_SQL + """
             AS source
            FROM orders o JOIN buyers b ON b.telegram_user_id = o.buyer_id
            LEFT JOIN order_attributions a ON a.order_id = o.id
            WHERE TRUE""";
    private static final String ORDER = " ORDER BY o.created_at DESC, o.id DESC LIMIT :limit";
    static final String COUNTS = "SELECT status, count(*) AS orders FROM orders GROUP BY status";

    private final Sql sql;
    private final CurrencyTable currencies;

    OrderListQuery(Sql sql, CurrencyTable currencies) {
        this.sql = sql;
        this.currencies = currencies;
    }

    /** One page; a row beyond the limit is read only to learn whether another page follows. */
    OrderPage page(OrderFilter filter) {
        Params params = Params.of("limit", filter.limit() + 1);
        List<OrderRow> rows = sql.list(pageSql(filter, params), params, this::row);
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
        sql.list(COUNTS, Params.none(), row -> Map.entry(OrderStatus.valueOf(row.getString("status")),
                row.getLong("orders"))).forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** The page's statement for {@code filter}; adds the values its conditions use to {@code params}. */
    static String pageSql(OrderFilter filter, Params params) {
        return SELECT_PAGE + where(filter, params) + ORDER;
    }

    private static String where(OrderFilter filter, Params params) {
        StringBuilder where = new StringBuilder();
        if (!filter.statuses().isEmpty()) {
            where.append(" AND o.status = ANY(:statuses)");
            params.and("statuses", filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.currency() != null) {
            where.append(" AND o.currency = :currency");
            params.and("currency", filter.currency());
        }
        if (filter.from() != null) {
            where.append(" AND o.created_at >= :from");
            params.and("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND o.created_at < :to");
            params.and("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        appendBuyer(filter.buyer(), where, params);
        if (filter.after() != null) {
            where.append(" AND (o.created_at, o.id) < (:afterCreatedAt, :afterId)");
            params.and("afterCreatedAt", OffsetDateTime.ofInstant(filter.after().createdAt(), ZoneOffset.UTC))
                    .and("afterId", filter.after().id());
        }
        return where.toString();
    }

    private static void appendBuyer(@Nullable OrderFilter.BuyerRef buyer, StringBuilder where, Params params) {
        if (buyer == null) {
            return;
        }
        if (buyer.userId() != null) {
            where.append(" AND o.buyer_id = :buyerId");
            params.and("buyerId", buyer.userId());
        } else {
            where.append(" AND lower(b.username) = lower(:username)");
            params.and("username", buyer.username());
        }
    }

    private OrderRow row(Row row) throws SQLException {
        String currency = row.getString("currency");
        return new OrderRow(row.getUuid("id"), OrderStatus.valueOf(row.getString("status")),
                AmountView.of(row.getLong("total_amount"), currency, currencies), buyer(row),
                row.getInstant("created_at"), AmountView.of(row.getLong("paid"), currency, currencies),
                AmountView.of(row.getLong("refunded"), currency, currencies), row.getString("source"));
    }

    /** The buyer from the columns telegram_user_id, username, first_name and last_name. */
    static BuyerView buyer(Row row) throws SQLException {
        String name = String.join(" ", nonNull(row.getString("first_name")), nonNull(row.getString("last_name")))
                .strip();
        return new BuyerView(row.getLong("telegram_user_id"), row.getString("username"), name.isEmpty() ? null : name);
    }

    private static String nonNull(@Nullable String text) {
        return text == null ? "" : text;
    }
}

package dev.starshop.backoffice.orders;

import dev.starshop.backoffice.orders.DashboardViews.DaySales;
import dev.starshop.backoffice.orders.DashboardViews.Funnel;
import dev.starshop.backoffice.orders.DashboardViews.ProductRevenue;
import dev.starshop.backoffice.orders.DashboardViews.ProductUnits;
import dev.starshop.money.CurrencyTable;
import dev.starshop.order.OrderStatus;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The owner's dashboard, read from orders (not the ledger): a sale is an order now PAID or
 * FULFILLED, counted on the UTC day it was created, at its total, as sales-by-source counts it.
 * Amounts are grouped by currency and never added across currencies. Callers own the transaction.
 */
@Singleton
final class DashboardQuery {

    static final int TOP = 10;

    /** Orders created in the period; {@code %1$s} in the queries below. */
    private static final String PERIOD = "o.created_at >= :from AND o.created_at < :to";
    /** Sold orders created in the period; {@code %2$s} in the queries below. */
    private static final String SOLD = "o.status IN ('PAID', 'FULFILLED') AND " + PERIOD;

    static final String SALES_PER_DAY = """
            SELECT (o.created_at AT TIME ZONE 'UTC')::date AS day, o.currency, count(*) AS orders,
                   sum(o.total_amount) AS total
            FROM orders o WHERE %2$s
            GROUP BY 1, 2 ORDER BY 1, 2""".formatted(PERIOD, SOLD);
    static final String ORDERS_BY_STATE = """
            SELECT o.status, count(*) AS orders FROM orders o WHERE %1$s
            GROUP BY o.status""".formatted(PERIOD, SOLD);
    static final String TOP_BY_UNITS = """
            SELECT l.sku, max(l.title) AS title, sum(l.quantity) AS units
            FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE %2$s
            GROUP BY l.sku ORDER BY units DESC, l.sku LIMIT :top""".formatted(PERIOD, SOLD);
    /** Revenue is the lines' amounts before any promo discount, per currency. */
    static final String TOP_BY_REVENUE = """
            SELECT sku, title, currency, units, revenue FROM (
                SELECT l.sku, max(l.title) AS title, o.currency, sum(l.quantity) AS units,
                       sum(l.line_amount) AS revenue,
                       row_number() OVER (PARTITION BY o.currency ORDER BY sum(l.line_amount) DESC, l.sku) AS place
                FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE %2$s
                GROUP BY l.sku, o.currency) ranked
            WHERE place <= :top ORDER BY currency, place""".formatted(PERIOD, SOLD);
    /** Paid: the order received a payment (even if refunded since); fulfilled: it is FULFILLED now. */
    static final String FUNNEL = """
            SELECT count(*) AS created,
                   coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM payments p
                                                  WHERE p.order_id = o.id AND p.kind = 'PAYMENT')
                                THEN 1 ELSE 0 END), 0) AS paid,
                   count(*) FILTER (WHERE o.status = 'FULFILLED') AS fulfilled
            FROM orders o WHERE %1$s""".formatted(PERIOD, SOLD);

    private final Sql sql;
    private final CurrencyTable currencies;

    DashboardQuery(Sql sql, CurrencyTable currencies) {
        this.sql = sql;
        this.currencies = currencies;
    }

    List<DaySales> salesPerDay(DashboardPeriod period) {
        return sql.list(SALES_PER_DAY, params(period), row -> {
            String currency = row.getString("currency");
            return new DaySales(row.getString("day"), currency, row.getLong("orders"),
                    AmountView.of(row.getLong("total"), currency, currencies));
        });
    }

    Map<OrderStatus, Long> ordersByState(DashboardPeriod period) {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
        }
        sql.list(ORDERS_BY_STATE, params(period), row -> Map.entry(OrderStatus.valueOf(row.getString("status")),
                row.getLong("orders"))).forEach(count -> counts.put(count.getKey(), count.getValue()));
        return counts;
    }

    List<ProductUnits> topByUnits(DashboardPeriod period) {
        return sql.list(TOP_BY_UNITS, params(period).and("top", TOP),
                row -> new ProductUnits(row.getString("sku"), row.getString("title"), row.getLong("units")));
    }

    List<ProductRevenue> topByRevenue(DashboardPeriod period) {
        return sql.list(TOP_BY_REVENUE, params(period).and("top", TOP), row -> {
            String currency = row.getString("currency");
            return new ProductRevenue(row.getString("sku"), row.getString("title"), currency,
                    row.getLong("units"), AmountView.of(row.getLong("revenue"), currency, currencies));
        });
    }

    Funnel funnel(DashboardPeriod period) {
        return sql.one(FUNNEL, params(period), row -> new Funnel(row.getLong("created"), row.getLong("paid"),
                row.getLong("fulfilled"))).orElseThrow();
    }

    private static Params params(DashboardPeriod period) {
        return Params.of("from", OffsetDateTime.ofInstant(period.start(), ZoneOffset.UTC))
                .and("to", OffsetDateTime.ofInstant(period.end(), ZoneOffset.UTC));
    }
}

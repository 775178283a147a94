package dev.starshop.backoffice.orders;

import dev.starshop.backoffice.orders.AdminOrderViews.SourceSales;
import dev.starshop.order.OrderStatus;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** What GET /api/admin/dashboard answers (docs/admin-console.md). */
final class DashboardViews {

    private DashboardViews() {
    }

    /** {@code from} and {@code to} are UTC days, both included. */
    @Serdeable
    record Dashboard(String from, String to, List<DaySales> salesPerDay, Map<OrderStatus, Long> ordersByState,
                     List<ProductUnits> topByUnits, List<ProductRevenue> topByRevenue,
                     List<SourceSales> salesBySource, Funnel funnel) {
    }

    /** Paid orders created on one UTC day in one currency. */
    @Serdeable
    record DaySales(String day, String currency, long orders, AmountView total) {
    }

    /** Units sold of one product, in all currencies (units, unlike amounts, add up). */
    @Serdeable
    record ProductUnits(String sku, String title, long units) {
    }

    /** What one product brought in one currency, before promo discounts. */
    @Serdeable
    record ProductRevenue(String sku, String title, String currency, long units, AmountView revenue) {
    }

    /** Orders created in the period; of those, paid at some point; of those, fulfilled now. */
    @Serdeable
    record Funnel(long created, long paid, long fulfilled) {
    }
}

package dev.starshop.backoffice.orders;

import dev.starshop.backoffice.orders.DashboardViews.Dashboard;
import dev.starshop.platform.admin.AdminOnly;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.sql.Connection;
import java.time.Clock;

/** The owner's dashboard for a period of UTC days: sales per day and currency, states, products, sources, funnel. */
@Controller("/api/admin/dashboard")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
final class DashboardController {

    private final DashboardQuery dashboard;
    private final OrderDetailQuery orders;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    DashboardController(DashboardQuery dashboard, OrderDetailQuery orders,
                        TransactionOperations<Connection> transactions, Clock clock) {
        this.dashboard = dashboard;
        this.orders = orders;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Get
    @Operation(operationId = "adminDashboard",
            summary = "Sales per UTC day per currency, orders by state, top products, sales by source and the "
                    + "created → paid → fulfilled funnel, for orders created in the period",
            security = @SecurityRequirement(name = "admin"))
    Dashboard get(
            @Parameter(description = "first UTC day, YYYY-MM-DD; default 29 days before to")
            @Nullable @QueryValue String from,
            @Parameter(description = "last UTC day (included), YYYY-MM-DD; default today; at most 366 days in all")
            @Nullable @QueryValue String to) {
        DashboardPeriod period = DashboardPeriod.parse(from, to, clock);
        return transactions.executeRead(s -> new Dashboard(period.from().toString(), period.to().toString(),
                dashboard.salesPerDay(period), dashboard.ordersByState(period), dashboard.topByUnits(period),
                dashboard.topByRevenue(period), orders.salesBySource(period.start(), period.end()),
                dashboard.funnel(period)));
    }
}

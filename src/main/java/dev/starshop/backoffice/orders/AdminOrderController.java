package dev.starshop.backoffice.orders;

import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.backoffice.orders.AdminOrderViews.OrderDetail;
import dev.starshop.backoffice.orders.AdminOrderViews.OrderPage;
import dev.starshop.order.OrderStatus;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operator's view of orders: a filtered, paginated list and one order in full. Refunds live in
 * checkout's RefundAdminController; the admin filter guards everything under /api/admin.
 */
@Controller("/api/admin/orders")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminOrderController {

    private final OrderFilterParser filters;
    private final OrderListQuery list;
    private final OrderDetails details;
    private final TransactionOperations<Connection> transactions;
    private final OrderDetailQuery detailQuery;

    AdminOrderController(OrderFilterParser filters, OrderListQuery list, OrderDetails details,
                         TransactionOperations<Connection> transactions, OrderDetailQuery detailQuery) {
        this.detailQuery = detailQuery;
        this.filters = filters;
        this.list = list;
        this.details = details;
        this.transactions = transactions;
    }

    @Get
    @Operation(operationId = "listAdminOrders",
            summary = "Orders, newest first, filtered and paginated by an opaque cursor",
            security = @SecurityRequirement(name = "admin"))
    OrderPage list(
            @Parameter(description = "order state; repeat or comma-separate for several")
            @Nullable @QueryValue("status") List<String> status,
            @Parameter(description = "currency code, e.g. XTR or USD") @Nullable @QueryValue String currency,
            @Parameter(description = "created at or after: a UTC day (2026-01-31) or an instant")
            @Nullable @QueryValue String from,
            @Parameter(description = "created before: an instant, or a UTC day (inclusive)")
            @Nullable @QueryValue String to,
            @Parameter(description = "Telegram user id or @username") @Nullable @QueryValue String buyer,
            @Parameter(description = "rows per page, 1-200, default 50") @Nullable @QueryValue String limit,
            @Parameter(description = "nextCursor of the previous page") @Nullable @QueryValue String cursor) {
        OrderFilter filter = filters.parse(status == null ? List.of() : status, currency, from, to, buyer, limit,
                cursor);
        return transactions.executeRead(s -> list.page(filter));
    }

    @Get("/counts")
    @Operation(operationId = "countAdminOrders", summary = "How many orders are in each state",
            security = @SecurityRequirement(name = "admin"))
    Map<OrderStatus, Long> counts() {
        return transactions.executeRead(s -> list.countsByStatus());
    }

    @Get("/sales-by-source")
    @Operation(operationId = "salesBySource",
            summary = "Paid orders and their totals per source (the Mini App link's s_ part) and currency",
            security = @SecurityRequirement(name = "admin"))
    List<AdminOrderViews.SourceSales> salesBySource(
            @Parameter(description = "created at or after: a UTC day (2026-01-31) or an instant")
            @Nullable @QueryValue String from,
            @Parameter(description = "created before: an instant, or a UTC day (inclusive)")
            @Nullable @QueryValue String to) {
        OrderFilter period = filters.parse(List.of(), null, from, to, null, null, null);
        return transactions.executeRead(s -> detailQuery.salesBySource(period.from(), period.to()));
    }

    @Get("/{id}")
    @Operation(operationId = "getAdminOrder",
            summary = "One order with its lines, buyer, payments, ledger transactions and timeline",
            security = @SecurityRequirement(name = "admin"))
    OrderDetail get(UUID id) {
        return details.find(id);
    }
}

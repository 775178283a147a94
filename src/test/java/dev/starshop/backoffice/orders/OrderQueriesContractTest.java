package dev.starshop.backoffice.orders;

import dev.starshop.order.OrderStatus;
import dev.starshop.platform.db.Params;
import dev.starshop.support.SchemaContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin order views read tables that order, checkout, ledger and telegram own (orders, buyers,
 * order_lines, payments, ledger_*, bot_outbox). Each read is checked against the migrated schema, so
 * a column renamed or dropped by its owner fails this test with the query's name.
 */
@MicronautTest(transactional = false)
class OrderQueriesContractTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyReadMatchesTheSchema() throws SQLException {
        Instant now = Instant.now();
        OrderCursor after = new OrderCursor(now, UUID.randomUUID());
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("OrderListQuery.page (every filter, buyer by id)", OrderListQuery.pageSql(new OrderFilter(
                Set.of(OrderStatus.PAID), "XTR", now, now, new OrderFilter.BuyerRef(42L, null), 10, after),
                Params.none()));
        queries.put("OrderListQuery.page (buyer by username)", OrderListQuery.pageSql(new OrderFilter(
                Set.of(), null, null, null, new OrderFilter.BuyerRef(null, "alice"), 10, null), Params.none()));
        queries.put("OrderListQuery.COUNTS", OrderListQuery.COUNTS);
        queries.put("OrderDetailQuery.HEADER", OrderDetailQuery.HEADER);
        queries.put("OrderDetailQuery.LINES", OrderDetailQuery.LINES);
        queries.put("OrderDetailQuery.PAYMENTS", OrderDetailQuery.PAYMENTS);
        queries.put("OrderDetailQuery.LEDGER_TRANSACTIONS", OrderDetailQuery.LEDGER_TRANSACTIONS);
        queries.put("OrderDetailQuery.OUTBOX_MESSAGES", OrderDetailQuery.OUTBOX_MESSAGES);
        queries.put("OrderDetailQuery.SALES_BY_SOURCE", OrderDetailQuery.SALES_BY_SOURCE);
        queries.put("DashboardQuery.SALES_PER_DAY", DashboardQuery.SALES_PER_DAY);
        queries.put("DashboardQuery.ORDERS_BY_STATE", DashboardQuery.ORDERS_BY_STATE);
        queries.put("DashboardQuery.TOP_BY_UNITS", DashboardQuery.TOP_BY_UNITS);
        queries.put("DashboardQuery.TOP_BY_REVENUE", DashboardQuery.TOP_BY_REVENUE);
        queries.put("DashboardQuery.FUNNEL", DashboardQuery.FUNNEL);
        SchemaContract.check(dataSource, queries);
    }

    /** The check itself: a query that reads a column nobody has fails, under its name. */
    @Test
    void aMissingColumnFailsWithTheQuerysName() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> SchemaContract.check(
                dataSource, Map.of("Example.RENAMED", "SELECT o.id, o.total_minor FROM orders o WHERE o.id = :id")));
        assertTrue(failure.getMessage().contains("Example.RENAMED"), failure.getMessage());
        assertTrue(failure.getMessage().contains("total_minor"), failure.getMessage());
        AssertionFailedError twice = assertThrows(AssertionFailedError.class, () -> SchemaContract.check(
                dataSource, Map.of("Example.TWICE", "SELECT o.id, b.telegram_user_id AS id FROM orders o "
                        + "JOIN buyers b ON b.telegram_user_id = o.buyer_id")));
        assertTrue(twice.getMessage().contains("two columns are called id"), twice.getMessage());
    }
}

package dev.starshop.backoffice.orders;

import dev.starshop.order.OrderStatus;
import dev.starshop.platform.db.Params;
import dev.starshop.support.SchemaContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
        SchemaContract.check(dataSource, queries);
    }
}

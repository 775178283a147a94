package dev.starshop.events;

import dev.starshop.support.SchemaContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events read tables other packages own (buyers and payments for an order's facts); each read is
 * checked against the migrated schema, so a renamed or dropped column fails here with the query's name.
 */
@MicronautTest(transactional = false)
class EventQueriesContractTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyReadMatchesTheSchema() throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("OrderFacts.BUYER", OrderFacts.BUYER);
        queries.put("OrderFacts.BUYERS", OrderFacts.BUYERS);
        queries.put("OrderFacts.LAST_CHARGE", OrderFacts.LAST_CHARGE);
        queries.put("OperatorAlertRepository.SETTLED_MESSAGES",
                dev.starshop.telegram.operator.OperatorQueries.SETTLED_MESSAGES);
        SchemaContract.check(dataSource, queries);
    }
}

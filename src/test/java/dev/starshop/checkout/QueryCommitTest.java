package dev.starshop.checkout;

import dev.starshop.sandbox.PayOutcome;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.sandbox.SandboxUser;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pre-checkout query's transaction commits without waiting for the disk; a payment's waits, as
 * the server is configured. Observed inside PostgreSQL: a trigger on the order timeline notes the
 * transaction's synchronous_commit and where that value came from ("session" only when the engine
 * set it for that transaction), so the check holds whatever the test server's own default is.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
class QueryCommitTest extends ThroughTelegramTestBase {

    private static final long BUYER = 7_600_000_001L;

    @Inject
    DataSource dataSource;

    String table;

    @BeforeEach
    void watchTheTimeline() throws SQLException {
        table = "commit_modes_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE TABLE " + table + " (order_id uuid, kind text, setting text, source text)");
        execute("CREATE FUNCTION " + table + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "INSERT INTO " + table + " SELECT NEW.order_id, NEW.kind, setting, source FROM pg_settings "
                + "WHERE name = 'synchronous_commit'; RETURN NEW; END $$");
        execute("CREATE TRIGGER " + table + " BEFORE INSERT ON order_events FOR EACH ROW EXECUTE FUNCTION "
                + table + "()");
    }

    @AfterEach
    void stopWatching() throws SQLException {
        execute("DROP TRIGGER " + table + " ON order_events");
        execute("DROP FUNCTION " + table + "()");
        execute("DROP TABLE " + table);
    }

    @Test
    void thePreCheckoutAnswerDoesNotWaitForTheDiskButThePaymentDoes() throws SQLException {
        telegram.createUser(new SandboxUser(BUYER, "Quinn", "quinn" + BUYER, "en", 1_000));
        String sku = shop.product("DIGITAL", 3, 40, 250);
        String buyer = shop.buyer(BUYER, "en");
        Map<String, Object> order = shop.order(buyer, "XTR", sku, 1);

        PayOutcome outcome = telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(BUYER));
        assertTrue(outcome.isPaid(), outcome.toString());
        shop.awaitStatus(buyer, order.get("id"), "PAID");

        Map<String, String[]> modes = commitModes(UUID.fromString((String) order.get("id")));
        assertEquals("off", modes.get("PRE_CHECKOUT_ACCEPTED")[0]);
        assertEquals("session", modes.get("PRE_CHECKOUT_ACCEPTED")[1], "set for the query's transaction");
        assertNotEquals("session", modes.get("PAID")[1], "the payment commits as the server is configured");
    }

    private Map<String, String[]> commitModes(UUID orderId) throws SQLException {
        Map<String, String[]> modes = new HashMap<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT kind, setting, source FROM " + table + " WHERE order_id = ?")) {
            select.setObject(1, orderId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    modes.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
                }
            }
        }
        return modes;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

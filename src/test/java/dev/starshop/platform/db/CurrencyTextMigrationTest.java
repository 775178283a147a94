package dev.starshop.platform.db;

import com.zaxxer.hikari.HikariConfig;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V11 turns the CHAR(3) currency columns into checked TEXT on a database that already holds rows:
 * a database of its own on the test server, migrated to V10, filled, then migrated to V11.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurrencyTextMigrationTest {

    private static final String DATABASE = "currency_text_migration";
    private static final List<String> TABLES = List.of("product_prices", "orders", "ledger_transactions",
            "ledger_postings", "payments", "subscriptions");

    @Inject
    DataSource dataSource;

    String url;
    String user;
    /** The embedded server needs a password (scram-sha-256); the pool knows it. */
    String password;

    @BeforeAll
    void migrateToV10FillAndMigrateToV11() throws SQLException {
        try (Connection server = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = server.createStatement()) {
            user = server.getMetaData().getUserName();
            password = ((HikariConfig) DelegatingDataSource.unwrapDataSource(dataSource)).getPassword();
            String serverUrl = server.getMetaData().getURL();
            url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + DATABASE;
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        migrate("10");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false); // the ledger checks its balance at commit
            for (String row : V10_ROWS) {
                statement.execute(row);
            }
            connection.commit();
        }
        migrate("11");
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        try (Connection server = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    /** Each table had an XTR and a USD row at V10; the codes come back as they were, with no padding. */
    @Test
    void everyCurrencyColumnIsTextAndKeepsItsCodes() throws SQLException {
        for (String table : TABLES) {
            assertEquals("text", text("SELECT data_type FROM information_schema.columns "
                    + "WHERE table_name = '" + table + "' AND column_name = 'currency'"), table);
            assertEquals("[USD],[XTR]", text("SELECT string_agg(DISTINCT '[' || currency || ']', ',' "
                    + "ORDER BY '[' || currency || ']') FROM " + table), table);
        }
    }

    @Test
    void aCodeThatIsNotThreeCapitalLettersIsRefused() {
        for (String code : List.of("usd", "US", "USDT", "U1D")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(
                    "INSERT INTO product_prices (product_id, currency, amount) VALUES (1, '" + code + "', 1)"));
            assertTrue(refused.getMessage().contains("product_prices_currency_code"), refused.getMessage());
        }
    }

    /** The keys and foreign keys that include the currency were rebuilt, not lost. */
    @Test
    void theLedgersSameCurrencyRulesStillHold() throws SQLException {
        SQLException foreign = assertThrows(SQLException.class, () -> execute("INSERT INTO ledger_postings "
                + "(transaction_id, account, currency, amount) VALUES (1, 'sales_revenue', 'USD', 1)"));
        assertEquals("23503", foreign.getSQLState(), foreign.getMessage());
        SQLException reversal = assertThrows(SQLException.class, () -> execute("INSERT INTO ledger_transactions "
                + "(external_key, kind, currency, occurred_at, recorded_at, reverses_id) "
                + "VALUES ('refund:usd', 'REFUND', 'USD', now(), now(), 1)"));
        assertEquals("23503", reversal.getSQLState(), reversal.getMessage());
        SQLException duplicate = assertThrows(SQLException.class, () -> execute(
                "INSERT INTO product_prices (product_id, currency, amount) VALUES (1, 'XTR', 9)"));
        assertEquals("23505", duplicate.getSQLState(), duplicate.getMessage());
        List<String> keys = new ArrayList<>();
        try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(
                "SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u', 'f') AND conname IN "
                        + "('product_prices_pkey', 'ledger_transactions_id_currency_key', "
                        + "'ledger_transactions_reverses_id_currency_fkey', "
                        + "'ledger_postings_transaction_id_currency_fkey') ORDER BY conname")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        assertEquals(4, keys.size(), keys.toString());
    }

    @Test
    void theLedgerStaysAppendOnly() {
        SQLException refused = assertThrows(SQLException.class,
                () -> execute("UPDATE ledger_transactions SET currency = 'USD' WHERE id = 1"));
        assertTrue(refused.getMessage().contains("APPEND_ONLY"), refused.getMessage());
    }

    private static final List<String> V10_ROWS = List.of("""
            INSERT INTO products (sku, title, description, kind) VALUES ('sku-1', 'One', 'The one', 'DIGITAL')""", """
            INSERT INTO product_prices (product_id, currency, amount) VALUES (1, 'XTR', 50), (1, 'USD', 199)""", """
            INSERT INTO buyers (telegram_user_id) VALUES (42)""", """
            INSERT INTO orders (id, buyer_id, status, currency, total_amount, created_at, expires_at, updated_at)
            VALUES ('00000000-0000-0000-0000-000000000001', 42, 'PAID', 'XTR', 50, now(), now(), now()),
                   ('00000000-0000-0000-0000-000000000002', 42, 'PAID', 'USD', 199, now(), now(), now())""", """
            INSERT INTO ledger_transactions (external_key, kind, currency, occurred_at, recorded_at)
            VALUES ('payment:1', 'PAYMENT', 'XTR', now(), now()), ('payment:2', 'PAYMENT', 'USD', now(), now())""", """
            INSERT INTO ledger_postings (transaction_id, account, currency, amount)
            VALUES (1, 'telegram_stars_receivable', 'XTR', 50), (1, 'sales_revenue', 'XTR', -50),
                   (2, 'provider_receivable', 'USD', 199), (2, 'sales_revenue', 'USD', -199)""", """
            INSERT INTO payments (telegram_payment_charge_id, kind, order_id, currency, total_amount, source,
                                  occurred_at, recorded_at)
            VALUES ('charge-1', 'PAYMENT', '00000000-0000-0000-0000-000000000001', 'XTR', 50, 'TELEGRAM', now(), now()),
                   ('charge-2', 'PAYMENT', '00000000-0000-0000-0000-000000000002', 'USD', 199, 'TELEGRAM', now(), now())
            """, """
            INSERT INTO subscriptions (id, buyer_id, first_order_id, telegram_payment_charge_id, currency, amount,
                                       expires_at, created_at, updated_at)
            VALUES ('00000000-0000-0000-0000-00000000000a', 42, '00000000-0000-0000-0000-000000000001',
                    'charge-1', 'XTR', 50, now(), now(), now()),
                   ('00000000-0000-0000-0000-00000000000b', 42, '00000000-0000-0000-0000-000000000002',
                    'charge-2', 'USD', 199, now(), now(), now())""");

    private void migrate(String target) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(target).load()
                .migrate();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = connect(); ResultSet row = connection.createStatement().executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }
}

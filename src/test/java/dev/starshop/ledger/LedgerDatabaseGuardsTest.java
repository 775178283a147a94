package dev.starshop.ledger;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database keeps the ledger's rules on its own: these tests write plain SQL on a plain JDBC
 * connection, bypassing every check in the Java code, and expect PostgreSQL to refuse.
 */
@MicronautTest(transactional = false)
class LedgerDatabaseGuardsTest {

    static final String UNIQUE = "23505";
    static final String FOREIGN_KEY = "23503";
    static final String CHECK = "23514";

    @Inject
    DataSource dataSource;

    @Test
    void aBalancedTransactionWrittenByHandIsAccepted() throws SQLException {
        String key = key();
        commit(transaction(key, "PAYMENT", "XTR", "NULL"), posting(key, "telegram_stars_receivable", "XTR", 10),
                posting(key, "sales_revenue", "XTR", -10));

        assertEquals(2, count("SELECT count(*) FROM ledger_postings p JOIN ledger_transactions t "
                + "ON t.id = p.transaction_id WHERE t.external_key = '" + key + "'"));
    }

    @Test
    void anUnbalancedTransactionIsRefusedAtCommit() throws SQLException {
        String key = key();
        SQLException refused = assertThrows(SQLException.class, () -> commit(transaction(key, "PAYMENT", "XTR", "NULL"),
                posting(key, "telegram_stars_receivable", "XTR", 10), posting(key, "sales_revenue", "XTR", -9)));

        assertTrue(refused.getMessage().contains("ledger invariant BALANCED"), refused.getMessage());
        assertEquals(0, transactionsWithKey(key));
    }

    @Test
    void fractionalStarsBalanceInNanostarsAndAnUnbalancedFractionIsRefused() throws SQLException {
        String balanced = key();
        commit(transaction(balanced, "AFFILIATE_INCOME", "XTR", "NULL"),
                posting(balanced, "telegram_stars_receivable", "XTR", 0, 750_000_000),
                posting(balanced, "affiliate_income", "XTR", 0, -750_000_000));
        String off = key();
        SQLException refused = assertThrows(SQLException.class, () -> commit(
                transaction(off, "TELEGRAM_FEE", "XTR", "NULL"),
                posting(off, "telegram_fees", "XTR", 3, 300_000_000),
                posting(off, "telegram_stars_receivable", "XTR", -3, -300_000_001)));

        assertEquals(2, count("SELECT count(*) FROM ledger_postings p JOIN ledger_transactions t "
                + "ON t.id = p.transaction_id WHERE t.external_key = '" + balanced + "'"));
        assertTrue(refused.getMessage().contains("ledger invariant BALANCED"), refused.getMessage());
        assertEquals(0, transactionsWithKey(off));
    }

    @Test
    void nanosOutsideStarsOrAgainstTheAmountsSignAreRefused() {
        String usd = key();
        assertRefused(CHECK, () -> commit(transaction(usd, "PAYMENT", "USD", "NULL"),
                posting(usd, "provider_receivable", "USD", 1, 5), posting(usd, "sales_revenue", "USD", -1, -5)));
        String sign = key();
        assertRefused(CHECK, () -> commit(transaction(sign, "GIFT", "XTR", "NULL"),
                posting(sign, "gifts_expense", "XTR", 1, -500_000_000),
                posting(sign, "telegram_stars_receivable", "XTR", 0, -500_000_000)));
    }

    @Test
    void aTransactionWithoutPostingsIsRefusedAtCommit() throws SQLException {
        String key = key();
        SQLException refused = assertThrows(SQLException.class, () -> commit(transaction(key, "PAYMENT", "XTR", "NULL")));

        assertTrue(refused.getMessage().contains("ledger invariant NON_EMPTY"), refused.getMessage());
        assertEquals(0, transactionsWithKey(key));
    }

    @Test
    void aPostingAddedLaterToABalancedTransactionIsRefused() throws SQLException {
        String key = committedStarsPayment(10);

        SQLException refused = assertThrows(SQLException.class,
                () -> commit(posting(key, "tips_revenue", "XTR", -1)));
        assertTrue(refused.getMessage().contains("BALANCED"), refused.getMessage());
    }

    @Test
    void aPostingInAnotherCurrencyThanItsTransactionIsRefused() {
        String key = key();
        assertRefused(FOREIGN_KEY, () -> commit(transaction(key, "PAYMENT", "XTR", "NULL"),
                posting(key, "telegram_stars_receivable", "XTR", 10), posting(key, "sales_revenue", "USD", -10)));
    }

    @Test
    void ledgerRowsCannotBeUpdatedDeletedOrTruncated() throws SQLException {
        String key = committedStarsPayment(10);
        String ofKey = " WHERE transaction_id = (SELECT id FROM ledger_transactions WHERE external_key = '" + key + "')";

        for (String change : new String[] {
                "UPDATE ledger_postings SET amount = amount * 2" + ofKey,
                "DELETE FROM ledger_postings" + ofKey,
                "UPDATE ledger_transactions SET currency = 'USD' WHERE external_key = '" + key + "'",
                "DELETE FROM ledger_transactions WHERE external_key = '" + key + "'",
                "TRUNCATE ledger_postings"}) {
            SQLException refused = assertThrows(SQLException.class, () -> commit(change), change);
            assertTrue(refused.getMessage().contains("ledger invariant APPEND_ONLY"), refused.getMessage());
        }
        assertEquals(2, count("SELECT count(*) FROM ledger_postings" + ofKey));
    }

    @Test
    void aPaymentIsRefundedAtMostOnceAndOnlyByARefundThatSaysSo() throws SQLException {
        String payment = committedStarsPayment(10);
        String reverses = "(SELECT id FROM ledger_transactions WHERE external_key = '" + payment + "')";
        String refund = key();
        commit(transaction(refund, "REFUND", "XTR", reverses), posting(refund, "sales_refunds", "XTR", 10),
                posting(refund, "telegram_stars_receivable", "XTR", -10));

        String again = key();
        assertRefused(UNIQUE, () -> commit(transaction(again, "REFUND", "XTR", reverses),
                posting(again, "sales_refunds", "XTR", 10), posting(again, "telegram_stars_receivable", "XTR", -10)));
        String inUsd = key();
        assertRefused(FOREIGN_KEY, () -> commit(transaction(inUsd, "CHARGEBACK", "USD", reverses),
                posting(inUsd, "chargebacks", "USD", 10), posting(inUsd, "provider_receivable", "USD", -10)));
        String unlinked = key();
        assertRefused(CHECK, () -> commit(transaction(unlinked, "REFUND", "XTR", "NULL"),
                posting(unlinked, "sales_refunds", "XTR", 10), posting(unlinked, "telegram_stars_receivable", "XTR", -10)));
    }

    private static void assertRefused(String sqlState, org.junit.jupiter.api.function.Executable work) {
        SQLException refused = assertThrows(SQLException.class, work);
        assertEquals(sqlState, refused.getSQLState(), refused.getMessage());
    }

    private String committedStarsPayment(long amount) throws SQLException {
        String key = key();
        commit(transaction(key, "PAYMENT", "XTR", "NULL"), posting(key, "telegram_stars_receivable", "XTR", amount),
                posting(key, "sales_revenue", "XTR", -amount));
        return key;
    }

    private static String transaction(String key, String kind, String currency, String reversesId) {
        return "INSERT INTO ledger_transactions (external_key, kind, currency, occurred_at, recorded_at, reverses_id) "
                + "VALUES ('" + key + "', '" + kind + "', '" + currency + "', now(), now(), " + reversesId + ")";
    }

    private static String posting(String key, String account, String currency, long amount) {
        return posting(key, account, currency, amount, 0);
    }

    private static String posting(String key, String account, String currency, long amount, long nanos) {
        return "INSERT INTO ledger_postings (transaction_id, account, currency, amount, nanos) SELECT id, '" + account
                + "', '" + currency + "', " + amount + ", " + nanos
                + " FROM ledger_transactions WHERE external_key = '" + key + "'";
    }

    /** Runs the statements as one database transaction on a raw connection and commits it. */
    private void commit(String... statements) throws SQLException {
        try (Connection connection = raw().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private long transactionsWithKey(String key) throws SQLException {
        return count("SELECT count(*) FROM ledger_transactions WHERE external_key = '" + key + "'");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = raw().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private DataSource raw() {
        return DelegatingDataSource.unwrapDataSource(dataSource);
    }

    private static String key() {
        return "raw:" + UUID.randomUUID();
    }
}

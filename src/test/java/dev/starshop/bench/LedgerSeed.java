package dev.starshop.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Fills a migrated, empty database with balanced ledger transactions, set-based (generate_series)
 * and through the ledger's own constraints and deferred balance triggers. Every transaction is a
 * payment with two postings: three in four in XTR (Stars receivable / sales revenue), one in four
 * in USD (provider receivable / sales revenue), so exports render both exponents. Transactions are
 * {@value #SECONDS_APART} seconds apart from {@link #FIRST}, each tied to an order id and one of
 * {@value #BUYERS} buyers with a username.
 */
public final class LedgerSeed {

    public static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    static final int SECONDS_APART = 5;
    static final int BUYERS = 1000;
    private static final int TRANSACTIONS_PER_COMMIT = 50_000;

    private LedgerSeed() {
    }

    /** Inserts {@code postings / 2} transactions; returns when everything is committed. */
    public static void seed(Connection connection, int postings) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO buyers (telegram_user_id, first_name, username, language_code)
                    SELECT 900000000 + b, 'Buyer', 'buyer_' || b, 'en' FROM generate_series(1, %d) b
                    ON CONFLICT DO NOTHING""".formatted(BUYERS));
            connection.commit();
        }
        int transactions = postings / 2;
        for (int first = 1; first <= transactions; first += TRANSACTIONS_PER_COMMIT) {
            insertTransactions(connection, first, Math.min(transactions, first + TRANSACTIONS_PER_COMMIT - 1));
            connection.commit();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT setval('ledger_transactions_id_seq', (SELECT max(id) FROM ledger_transactions))");
            statement.execute("ANALYZE ledger_transactions");
            statement.execute("ANALYZE ledger_postings");
            statement.execute("ANALYZE buyers");
            connection.commit();
        }
        connection.setAutoCommit(true);
    }

    private static void insertTransactions(Connection connection, int first, int last) throws SQLException {
        try (PreparedStatement transactions = connection.prepareStatement("""
                INSERT INTO ledger_transactions (id, external_key, kind, currency, occurred_at, recorded_at,
                                                 order_id, buyer_id, telegram_charge_id, provider_charge_id)
                SELECT g, 'payment:bench_' || g, 'PAYMENT', CASE WHEN g %% 4 = 0 THEN 'USD' ELSE 'XTR' END,
                       ?::timestamptz + g * interval '%d seconds', ?::timestamptz + g * interval '%d seconds',
                       gen_random_uuid(), 900000001 + g %% %d, 'bench_charge_' || g,
                       CASE WHEN g %% 4 = 0 THEN 'ch_bench_' || g END
                FROM generate_series(?, ?) g""".formatted(SECONDS_APART, SECONDS_APART, BUYERS));
             PreparedStatement postings = connection.prepareStatement("""
                INSERT INTO ledger_postings (transaction_id, account, currency, amount)
                SELECT t.id, side.account, t.currency, side.sign * (1 + t.id % 4999)
                FROM ledger_transactions t
                CROSS JOIN LATERAL (VALUES
                    (CASE WHEN t.currency = 'XTR' THEN 'telegram_stars_receivable' ELSE 'provider_receivable' END, 1),
                    ('sales_revenue', -1)) AS side (account, sign)
                WHERE t.id BETWEEN ? AND ?
                ORDER BY t.id, side.sign DESC""")) {
            String first0 = FIRST.toString();
            transactions.setString(1, first0);
            transactions.setString(2, first0);
            transactions.setInt(3, first);
            transactions.setInt(4, last);
            transactions.executeUpdate();
            postings.setInt(1, first);
            postings.setInt(2, last);
            postings.executeUpdate();
        }
    }
}

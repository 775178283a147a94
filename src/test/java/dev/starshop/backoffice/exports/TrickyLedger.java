package dev.starshop.backoffice.exports;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Four balanced ledger transactions late on one UTC day, with the values a CSV writer gets wrong: quotes,
 * commas and line breaks, a leading quote, formula starts, non-ASCII, empty text, negative amounts, currencies of
 * exponent 0 and 2, fractions of a second, a refund. Booked straight through SQL (the ledger's own
 * constraints and deferred balance triggers still apply). {@link #fillIn} puts the generated ids
 * into an expected text: {tx1}…{tx4}, {order1}, {order2}, {buyer1}…{buyer4}, {batch}, {day}.
 */
record TrickyLedger(LocalDate day, Map<String, String> tokens) {

    static TrickyLedger book(DataSource dataSource, LocalDate day) throws SQLException {
        Map<String, String> tokens = new HashMap<>();
        String batch = UUID.randomUUID().toString().substring(0, 8);
        UUID order1 = UUID.randomUUID();
        UUID order2 = UUID.randomUUID();
        long buyer = 6_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            buyer(connection, buyer, "-minus, \"quoted\"");
            buyer(connection, buyer + 1, "@at");
            buyer(connection, buyer + 2, "\rCR");
            buyer(connection, buyer + 3, "");
            long tx1 = transaction(connection, "=SUM(1,2) \"x\"-" + batch, "PAYMENT", "XTR", at(day, "23:30:00"),
                    order1, buyer, "line1\nline2", "", null);
            postings(connection, tx1, "XTR", "telegram_stars_receivable", 100, "sales_revenue", -100);
            long tx2 = transaction(connection, "+ünïcødé €-" + batch, "PAYMENT", "USD", at(day, "23:30:00.5"),
                    order2, buyer + 1, "\tTab", "ch_,comma", null);
            postings(connection, tx2, "USD", "provider_receivable", 1239, "sales_revenue", -1000,
                    "shipping_revenue", -234, "tips_revenue", -5);
            long tx3 = transaction(connection, " refund-" + batch, "REFUND", "XTR", at(day, "23:45:00"),
                    order1, buyer + 2, "#hash", null, tx1);
            postings(connection, tx3, "XTR", "sales_refunds", 100, "telegram_stars_receivable", -100);
            long tx4 = transaction(connection, "plain-" + batch, "PAYMENT", "JPY", at(day, "23:59:59.123456"),
                    null, buyer + 3, "\"quote first", "pi_jpy", null);
            postings(connection, tx4, "JPY", "provider_receivable", 500, "sales_revenue", -500);
            connection.commit();
            tokens.putAll(Map.of("{tx1}", "" + tx1, "{tx2}", "" + tx2, "{tx3}", "" + tx3, "{tx4}", "" + tx4,
                    "{order1}", order1.toString(), "{order2}", order2.toString(), "{buyer1}", "" + buyer,
                    "{buyer2}", "" + (buyer + 1), "{buyer3}", "" + (buyer + 2), "{buyer4}", "" + (buyer + 3)));
            tokens.put("{batch}", batch);
            tokens.put("{day}", day.toString());
        }
        return new TrickyLedger(day, Map.copyOf(tokens));
    }

    /** One balanced payment in {@code currency} at noon, in the caller's transaction (for a rollback). */
    static void bookUncommitted(Connection connection, LocalDate day, String currency) throws SQLException {
        long id = transaction(connection, "uncommitted-" + UUID.randomUUID(), "PAYMENT", currency,
                at(day, "12:00:00"), null, null, null, null, null);
        postings(connection, id, currency, "provider_receivable", 100, "sales_revenue", -100);
    }

    String fillIn(String text) {
        String filled = text;
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            filled = filled.replace(token.getKey(), token.getValue());
        }
        return filled;
    }

    private static OffsetDateTime at(LocalDate day, String time) {
        return OffsetDateTime.parse(day + "T" + time + "Z").withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static void buyer(Connection connection, long id, String username) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO buyers (telegram_user_id, first_name, username) VALUES (?, 'Buyer', ?)")) {
            insert.setLong(1, id);
            insert.setString(2, username);
            insert.executeUpdate();
        }
    }

    private static long transaction(Connection connection, String externalKey, String kind, String currency,
                                    OffsetDateTime occurredAt, UUID orderId, Long buyerId, String telegramChargeId,
                                    String providerChargeId, Long reverses) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ledger_transactions (external_key, kind, currency, occurred_at, recorded_at, order_id,
                                                 buyer_id, telegram_charge_id, provider_charge_id, reverses_id)
                VALUES (?, ?, ?, ?, now(), ?, ?, ?, ?, ?) RETURNING id""")) {
            Object[] values = {externalKey, kind, currency, occurredAt, orderId, buyerId, telegramChargeId,
                    providerChargeId, reverses};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    /** Postings in the order given (account, amount, account, amount, …): their ids keep that order. */
    private static void postings(Connection connection, long transaction, String currency, Object... accountsAndAmounts)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_postings (transaction_id, account, currency, amount) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < accountsAndAmounts.length; i += 2) {
                insert.setLong(1, transaction);
                insert.setString(2, (String) accountsAndAmounts[i]);
                insert.setString(3, currency);
                insert.setLong(4, ((Integer) accountsAndAmounts[i + 1]).longValue());
                insert.executeUpdate();
            }
        }
    }
}

package dev.starshop.harness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The shop's books read straight from the harness's own PostgreSQL, as an auditor with psql would:
 * each check returns what is wrong as readable lines, so an empty list means the money adds up.
 * The database belongs to one test, so every row in it is the test's.
 */
final class Books {

    private final Callable<Connection> database;

    Books(Callable<Connection> database) {
        this.database = database;
    }

    /**
     * Every charge paid exactly once: one payments row, one ledger PAYMENT transaction, one receipt;
     * nothing else recorded; every order paid.
     */
    List<String> paidExactlyOnce(Collection<String> charges, Collection<UUID> orders) {
        String[] chargeIds = charges.toArray(String[]::new);
        List<String> found = new ArrayList<>();
        found.addAll(texts("""
                SELECT 'charge ' || c || ': ' || (SELECT count(*) FROM payments p WHERE p.telegram_payment_charge_id = c
                       AND p.kind = 'PAYMENT') || ' payments row(s), '
                       || (SELECT count(*) FROM ledger_transactions t WHERE t.external_key = 'payment:' || c)
                       || ' ledger transaction(s), '
                       || (SELECT count(*) FROM bot_outbox o WHERE o.dedupe_key = 'receipt:PAYMENT:' || c) || ' receipt(s)'
                FROM unnest(?::text[]) c
                WHERE (SELECT count(*) FROM payments p WHERE p.telegram_payment_charge_id = c AND p.kind = 'PAYMENT') <> 1
                   OR (SELECT count(*) FROM ledger_transactions t WHERE t.external_key = 'payment:' || c) <> 1
                   OR (SELECT count(*) FROM bot_outbox o WHERE o.dedupe_key = 'receipt:PAYMENT:' || c) <> 1""",
                (Object) chargeIds));
        found.addAll(texts("""
                SELECT 'unexpected ' || kind || ' row for charge ' || telegram_payment_charge_id FROM payments
                WHERE NOT telegram_payment_charge_id = ANY(?::text[])""", (Object) chargeIds));
        found.addAll(texts("""
                SELECT 'order ' || o || ' is ' || coalesce((SELECT status FROM orders WHERE id = o), 'missing')
                FROM unnest(?::uuid[]) o
                WHERE coalesce((SELECT status FROM orders WHERE id = o), 'missing') <> 'PAID'""",
                (Object) orders.toArray(UUID[]::new)));
        found.addAll(balanced());
        return found;
    }

    /** Debits equal credits in every transaction and in every currency. */
    List<String> balanced() {
        List<String> found = texts("""
                SELECT 'transaction ' || t.id || ' (' || t.external_key || ') sums to ' || coalesce(sum(p.amount), 0)
                FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id
                GROUP BY t.id, t.external_key HAVING count(p.id) = 0 OR sum(p.amount) <> 0""");
        found.addAll(texts("""
                SELECT 'currency ' || currency || ' sums to ' || sum(amount) FROM ledger_postings
                GROUP BY currency HAVING sum(amount) <> 0"""));
        return found;
    }

    /** Updates Telegram was told were handled (a 2xx) that the inbox does not hold. */
    List<String> acknowledgedButMissing(Collection<Long> updateIds) {
        return texts("""
                SELECT 'update ' || u || ' was acknowledged but is not in the inbox' FROM unnest(?::bigint[]) u
                WHERE NOT EXISTS (SELECT 1 FROM telegram_updates t WHERE t.update_id = u)""",
                (Object) updateIds.toArray(Long[]::new));
    }

    long count(String sql) {
        return Long.parseLong(texts(sql).get(0));
    }

    private List<String> texts(String sql, Object... parameters) {
        try (Connection connection = database.call();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, array(connection, parameters[i]));
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1));
                }
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Object array(Connection connection, Object value) throws SQLException {
        if (value instanceof String[] texts) {
            return connection.createArrayOf("text", texts);
        }
        if (value instanceof UUID[] ids) {
            return connection.createArrayOf("uuid", ids);
        }
        if (value instanceof Long[] ids) {
            return connection.createArrayOf("bigint", ids);
        }
        return value;
    }
}

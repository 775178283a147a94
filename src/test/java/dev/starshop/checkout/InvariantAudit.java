package dev.starshop.checkout;

import dev.starshop.ledger.InvariantViolation;
import dev.starshop.ledger.Ledger;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The payment invariants, read straight from PostgreSQL and scoped to one run: its buyers (every
 * order, payment and ledger transaction they caused) and its charge ids. Each check returns the
 * broken rules as readable lines; an empty list means the books and the orders agree.
 */
final class InvariantAudit {

    /** Ledger transactions this run caused; bind {@link #BUYERS} and {@link #CHARGES} to it. */
    private static final String OURS = "(t.buyer_id = ANY(?) OR t.telegram_charge_id LIKE ?)";
    /** Placeholders' values: this run's buyer ids, and the LIKE pattern of its charge ids. */
    private static final Object BUYERS = new Object();
    private static final Object CHARGES = new Object();

    private final DataSource dataSource;
    private final Ledger ledger;
    private final Long[] buyers;
    private final String chargePattern;

    InvariantAudit(DataSource dataSource, Ledger ledger, List<Long> buyers, String chargePrefix) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.ledger = ledger;
        this.buyers = buyers.toArray(Long[]::new);
        this.chargePattern = chargePrefix.replace("_", "\\_") + "%";
    }

    /** Every broken rule, given the payments and refunds the test has delivered so far. */
    List<String> violations(Set<String> paidCharges, Set<String> refundedCharges) {
        List<String> found = new ArrayList<>();
        found.addAll(balanced());
        found.addAll(oncePerCharge());
        found.addAll(ordersAgreeWithLedger());
        found.addAll(nothingMissing(paidCharges, "PAYMENT', 'RENEWAL", "payment:"));
        found.addAll(nothingMissing(refundedCharges, "REFUND", "refund:"));
        found.addAll(ledgerAudit());
        return found;
    }

    /** 1. Each transaction sums to zero in its own currency; each currency sums to zero overall. */
    private List<String> balanced() {
        List<String> found = list("""
                SELECT 'transaction ' || t.id || ' (' || t.external_key || ') sums to ' || coalesce(sum(p.amount), 0)
                       || ' over ' || count(p.id) || ' posting(s)'
                FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id
                WHERE %s GROUP BY t.id, t.external_key
                HAVING count(p.id) = 0 OR coalesce(sum(p.amount), 0) <> 0""".formatted(OURS), BUYERS, CHARGES);
        found.addAll(list("""
                SELECT 'posting ' || p.id || ' in ' || p.currency || ' belongs to a ' || t.currency || ' transaction'
                FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
                WHERE %s AND p.currency <> t.currency""".formatted(OURS), BUYERS, CHARGES));
        found.addAll(list("""
                SELECT 'currency ' || p.currency || ' sums to ' || sum(p.amount)
                FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
                WHERE %s GROUP BY p.currency HAVING sum(p.amount) <> 0""".formatted(OURS), BUYERS, CHARGES));
        return found;
    }

    /** 2. One payment (or renewal) row and one refund row per charge; one ledger transaction per (charge, kind). */
    private List<String> oncePerCharge() {
        List<String> found = list("""
                SELECT 'charge ' || telegram_payment_charge_id || ' has ' || count(*) FILTER (WHERE kind IN
                       ('PAYMENT', 'RENEWAL')) || ' payment row(s) and ' || count(*) FILTER (WHERE kind = 'REFUND')
                       || ' refund row(s)'
                FROM payments WHERE buyer_id = ANY(?) OR telegram_payment_charge_id LIKE ?
                GROUP BY telegram_payment_charge_id
                HAVING count(*) FILTER (WHERE kind IN ('PAYMENT', 'RENEWAL')) > 1
                    OR count(*) FILTER (WHERE kind = 'REFUND') > 1""", BUYERS, CHARGES);
        found.addAll(list("""
                SELECT 'charge ' || t.telegram_charge_id || ' has ' || count(*) || ' ledger ' || t.kind || ' transactions'
                FROM ledger_transactions t WHERE %s AND t.telegram_charge_id IS NOT NULL
                GROUP BY t.telegram_charge_id, t.kind HAVING count(*) > 1""".formatted(OURS), BUYERS, CHARGES));
        return found;
    }

    /**
     * 3. Every order of this run's buyers is in the state its ledger transactions say it is. REFUNDED
     * means every payment was reversed: one payment and one refund, or (an order paid twice) two and two.
     */
    private List<String> ordersAgreeWithLedger() {
        return list("""
                SELECT 'order ' || o.id || ' is ' || o.status || ' with ' || s.payments || ' payment and '
                       || s.refunds || ' refund transaction(s)'
                FROM orders o CROSS JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE t.kind IN ('PAYMENT', 'RENEWAL')) AS payments,
                           count(*) FILTER (WHERE t.kind = 'REFUND') AS refunds,
                           count(*) AS total
                    FROM ledger_transactions t WHERE t.order_id = o.id) s
                WHERE o.buyer_id = ANY(?) AND NOT CASE o.status
                    WHEN 'PAID' THEN s.payments = 1 AND s.refunds = 0 AND s.total = 1
                    WHEN 'FULFILLED' THEN s.payments = 1 AND s.refunds = 0 AND s.total = 1
                    WHEN 'REFUNDED' THEN s.payments >= 1 AND s.refunds = s.payments AND s.total = 2 * s.payments
                    WHEN 'NEEDS_REVIEW' THEN s.payments >= 1
                    ELSE s.total = 0 END""", BUYERS);
    }

    /** 4. Every charge the test reported has its payments row and its ledger transaction. */
    private List<String> nothingMissing(Set<String> charges, String kinds, String keyPrefix) {
        return list("""
                SELECT 'charge ' || c || ' was reported (%1$s) but has ' || r.n || ' payments row(s) and ' || l.n
                       || ' ledger transaction(s)'
                FROM unnest(?::text[]) c
                CROSS JOIN LATERAL (SELECT count(*) AS n FROM payments
                    WHERE telegram_payment_charge_id = c AND kind IN ('%2$s')) r
                CROSS JOIN LATERAL (SELECT count(*) AS n FROM ledger_transactions
                    WHERE external_key = '%1$s' || c) l
                WHERE r.n <> 1 OR l.n <> 1""".formatted(keyPrefix, kinds), (Object) charges.toArray(String[]::new));
    }

    /** 5. The ledger's own audit, for this run's transactions (and schema-level findings). */
    private List<String> ledgerAudit() {
        Set<Long> ours = Set.copyOf(longs("SELECT t.id FROM ledger_transactions t WHERE " + OURS, BUYERS, CHARGES));
        return ledger.checkInvariants().stream()
                .filter(v -> v.transactionId() == null || ours.contains(v.transactionId()))
                .map(InvariantViolation::toString)
                .toList();
    }

    String status(Object orderId) {
        List<String> found = list("SELECT status FROM orders WHERE id = ?::uuid", orderId.toString());
        return found.isEmpty() ? null : found.get(0);
    }

    /** Runs a query whose first column is text. */
    List<String> list(String sql, Object... parameters) {
        List<String> rows = new ArrayList<>();
        query(sql, parameters, row -> rows.add(row.getString(1)));
        return rows;
    }

    private List<Long> longs(String sql, Object... parameters) {
        List<Long> rows = new ArrayList<>();
        query(sql, parameters, row -> rows.add(row.getLong(1)));
        return rows;
    }

    private void query(String sql, Object[] parameters, RowConsumer consumer) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void bind(Connection connection, PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == BUYERS) {
                statement.setArray(i + 1, connection.createArrayOf("bigint", buyers));
            } else if (parameters[i] == CHARGES) {
                statement.setString(i + 1, chargePattern);
            } else if (parameters[i] instanceof String[] texts) {
                statement.setArray(i + 1, connection.createArrayOf("text", texts));
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    private interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }
}

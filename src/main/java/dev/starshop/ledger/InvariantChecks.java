package dev.starshop.ledger;

import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-checks the whole ledger after the fact. The database refuses these states on write; this is
 * the audit that proves it (and catches a guard someone disabled, or a restore that skipped them).
 * Each query scans the ledger: an admin or nightly action, not something for a request path.
 */
@Singleton
class InvariantChecks {

    /** The triggers of V4__ledger.sql that must exist and be enabled. */
    private static final List<String> GUARD_TRIGGERS = List.of("ledger_transactions_append_only",
            "ledger_transactions_no_truncate", "ledger_postings_append_only", "ledger_postings_no_truncate",
            "ledger_transactions_balanced", "ledger_postings_balanced");

    private final Sql sql;

    InvariantChecks(Sql sql) {
        this.sql = sql;
    }

    List<InvariantViolation> run() {
        List<InvariantViolation> found = new ArrayList<>();
        found.addAll(unbalanced());
        found.addAll(foreignCurrency());
        found.addAll(badReversalLinks());
        found.addAll(reversedTwice());
        found.addAll(overReversed());
        found.addAll(missingGuards());
        return found;
    }

    private List<InvariantViolation> unbalanced() {
        return sql.list("""
                SELECT t.id, count(p.id), coalesce(sum(p.amount), 0)
                FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id
                GROUP BY t.id
                HAVING count(p.id) = 0 OR coalesce(sum(p.amount), 0) <> 0
                ORDER BY t.id""", Sql.Binder.NONE, row -> row.getLong(2) == 0
                ? new InvariantViolation(LedgerInvariant.NON_EMPTY, row.getLong(1), "no postings")
                : new InvariantViolation(LedgerInvariant.BALANCED, row.getLong(1),
                        "postings sum to " + row.getBigDecimal(3)));
    }

    private List<InvariantViolation> foreignCurrency() {
        return sql.list("""
                SELECT t.id, p.id, p.currency, t.currency
                FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
                WHERE p.currency <> t.currency
                ORDER BY p.id""", Sql.Binder.NONE, row -> new InvariantViolation(LedgerInvariant.SINGLE_CURRENCY,
                row.getLong(1), "posting " + row.getLong(2) + " is in " + row.getString(3).trim()
                + ", the transaction in " + row.getString(4).trim()));
    }

    private List<InvariantViolation> badReversalLinks() {
        return sql.list("""
                SELECT r.id, r.kind, o.kind, o.currency, r.currency
                FROM ledger_transactions r LEFT JOIN ledger_transactions o ON o.id = r.reverses_id
                WHERE (r.kind IN ('REFUND', 'CHARGEBACK')) <> (r.reverses_id IS NOT NULL)
                   OR o.kind IN ('REFUND', 'CHARGEBACK') OR o.currency <> r.currency
                ORDER BY r.id""", Sql.Binder.NONE, row -> new InvariantViolation(LedgerInvariant.REVERSAL_LINK,
                row.getLong(1), "a " + row.getString(2) + " reversing "
                + (row.getString(3) == null ? "nothing" : "a " + row.getString(3) + " in " + row.getString(4).trim())));
    }

    private List<InvariantViolation> reversedTwice() {
        return sql.list("""
                SELECT reverses_id, kind, count(*) FROM ledger_transactions
                WHERE reverses_id IS NOT NULL
                GROUP BY reverses_id, kind HAVING count(*) > 1
                ORDER BY reverses_id""", Sql.Binder.NONE,
                row -> new InvariantViolation(LedgerInvariant.REVERSED_AT_MOST_ONCE, row.getLong(1),
                        row.getLong(3) + " transactions of kind " + row.getString(2) + " reverse it"));
    }

    /** E.g. a Stars payment both refunded and charged back: the buyer got the money back twice. */
    private List<InvariantViolation> overReversed() {
        return sql.list("""
                WITH totals AS (SELECT transaction_id AS id, sum(amount) FILTER (WHERE amount > 0) AS total
                                FROM ledger_postings GROUP BY transaction_id)
                SELECT o.id, ot.total, sum(rt.total)
                FROM ledger_transactions r
                JOIN totals rt ON rt.id = r.id
                JOIN ledger_transactions o ON o.id = r.reverses_id
                JOIN totals ot ON ot.id = o.id
                GROUP BY o.id, ot.total
                HAVING sum(rt.total) > ot.total
                ORDER BY o.id""", Sql.Binder.NONE,
                row -> new InvariantViolation(LedgerInvariant.NOT_OVER_REVERSED, row.getLong(1),
                        "total " + row.getBigDecimal(2) + ", reversed " + row.getBigDecimal(3)));
    }

    private List<InvariantViolation> missingGuards() {
        List<String> enabled = sql.list("""
                SELECT tgname FROM pg_trigger
                WHERE tgrelid IN ('ledger_transactions'::regclass, 'ledger_postings'::regclass)
                  AND tgenabled <> 'D' AND NOT tgisinternal""", Sql.Binder.NONE, row -> row.getString(1));
        return GUARD_TRIGGERS.stream().filter(name -> !enabled.contains(name))
                .map(name -> new InvariantViolation(name.contains("balanced") ? LedgerInvariant.BALANCED
                        : LedgerInvariant.APPEND_ONLY, null, "trigger " + name + " is missing or disabled"))
                .toList();
    }
}

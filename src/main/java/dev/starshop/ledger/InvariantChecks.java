package dev.starshop.ledger;

import dev.starshop.platform.db.Params;
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
                SELECT t.id, count(p.id) AS postings,
                       coalesce(sum(p.amount::numeric * 1000000000 + p.nanos), 0) AS total
                FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id
                GROUP BY t.id
                HAVING count(p.id) = 0 OR coalesce(sum(p.amount::numeric * 1000000000 + p.nanos), 0) <> 0
                ORDER BY t.id""", Params.none(), row -> row.getLong("postings") == 0
                ? new InvariantViolation(LedgerInvariant.NON_EMPTY, row.getLong("id"), "no postings")
                : new InvariantViolation(LedgerInvariant.BALANCED, row.getLong("id"),
                        "postings sum to " + row.getBigDecimal("total") + " billionths of a unit"));
    }

    private List<InvariantViolation> foreignCurrency() {
        return sql.list("""
                SELECT t.id AS transaction_id, p.id AS posting_id, p.currency AS posting_currency,
                       t.currency AS transaction_currency
                FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
                WHERE p.currency <> t.currency
                ORDER BY p.id""", Params.none(), row -> new InvariantViolation(LedgerInvariant.SINGLE_CURRENCY,
                row.getLong("transaction_id"), "posting " + row.getLong("posting_id") + " is in "
                + row.getString("posting_currency") + ", the transaction in "
                + row.getString("transaction_currency")));
    }

    private List<InvariantViolation> badReversalLinks() {
        return sql.list("""
                SELECT r.id, r.kind, o.kind AS reversed_kind, o.currency AS reversed_currency
                FROM ledger_transactions r LEFT JOIN ledger_transactions o ON o.id = r.reverses_id
                WHERE (r.kind IN ('REFUND', 'CHARGEBACK')) <> (r.reverses_id IS NOT NULL)
                   OR o.kind IN ('REFUND', 'CHARGEBACK') OR o.currency <> r.currency
                ORDER BY r.id""", Params.none(), row -> {
                    String kind = row.getString("reversed_kind");
                    String reversed = kind == null ? "nothing"
                            : "a " + kind + " in " + row.getString("reversed_currency");
                    return new InvariantViolation(LedgerInvariant.REVERSAL_LINK, row.getLong("id"),
                            "a " + row.getString("kind") + " reversing " + reversed);
                });
    }

    private List<InvariantViolation> reversedTwice() {
        return sql.list("""
                SELECT reverses_id, kind, count(*) AS reversals FROM ledger_transactions
                WHERE reverses_id IS NOT NULL
                GROUP BY reverses_id, kind HAVING count(*) > 1
                ORDER BY reverses_id""", Params.none(),
                row -> new InvariantViolation(LedgerInvariant.REVERSED_AT_MOST_ONCE, row.getLong("reverses_id"),
                        row.getLong("reversals") + " transactions of kind " + row.getString("kind") + " reverse it"));
    }

    /** E.g. a Stars payment both refunded and charged back: the buyer got the money back twice. */
    private List<InvariantViolation> overReversed() {
        return sql.list("""
                WITH totals AS (SELECT transaction_id AS id, sum(amount) FILTER (WHERE amount > 0) AS total
                                FROM ledger_postings GROUP BY transaction_id)
                SELECT o.id, ot.total, sum(rt.total) AS reversed
                FROM ledger_transactions r
                JOIN totals rt ON rt.id = r.id
                JOIN ledger_transactions o ON o.id = r.reverses_id
                JOIN totals ot ON ot.id = o.id
                GROUP BY o.id, ot.total
                HAVING sum(rt.total) > ot.total
                ORDER BY o.id""", Params.none(),
                row -> new InvariantViolation(LedgerInvariant.NOT_OVER_REVERSED, row.getLong("id"),
                        "total " + row.getBigDecimal("total") + ", reversed " + row.getBigDecimal("reversed")));
    }

    private List<InvariantViolation> missingGuards() {
        List<String> enabled = sql.list("""
                SELECT tgname FROM pg_trigger
                WHERE tgrelid IN ('ledger_transactions'::regclass, 'ledger_postings'::regclass)
                  AND tgenabled <> 'D' AND NOT tgisinternal""", Params.none(), row -> row.getString("tgname"));
        return GUARD_TRIGGERS.stream().filter(name -> !enabled.contains(name))
                .map(name -> new InvariantViolation(name.contains("balanced") ? LedgerInvariant.BALANCED
                        : LedgerInvariant.APPEND_ONLY, null, "trigger " + name + " is missing or disabled"))
                .toList();
    }
}

package dev.starshop.ledger;

import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Ledger rows in PostgreSQL: inserts and reads only (the tables refuse anything else). */
@Singleton
class LedgerRepository {

    private static final String COLUMNS = "id, external_key, kind, currency, occurred_at, recorded_at, order_id, "
            + "buyer_id, telegram_charge_id, provider_charge_id, reverses_id";

    private final Sql sql;

    LedgerRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Inserts the transaction row unless a unique rule already holds a row for it: the same
     * external key, or an earlier reversal of the same kind of the same transaction. A concurrent
     * insert of either waits for the other transaction and then reports empty.
     */
    Optional<Long> insert(NewTransaction tx, Instant recordedAt) {
        return sql.one("""
                INSERT INTO ledger_transactions (external_key, kind, currency, occurred_at, recorded_at, order_id,
                                                 buyer_id, telegram_charge_id, provider_charge_id, reverses_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING id""", s -> {
                    s.setString(1, tx.externalKey());
                    s.setString(2, tx.kind().name());
                    s.setString(3, tx.currency().code());
                    s.setTimestamp(4, Timestamp.from(tx.occurredAt()));
                    s.setTimestamp(5, Timestamp.from(recordedAt));
                    s.setObject(6, tx.orderId());
                    s.setObject(7, tx.buyerId(), Types.BIGINT);
                    s.setString(8, tx.telegramChargeId());
                    s.setString(9, tx.providerChargeId());
                    s.setObject(10, tx.reversesTransactionId(), Types.BIGINT);
                }, row -> row.getLong(1));
    }

    /** All postings in one statement, in the given order. */
    void insertPostings(long transactionId, NewTransaction tx) {
        String[] accounts = tx.postings().stream().map(p -> p.account().dbName()).toArray(String[]::new);
        Long[] amounts = tx.postings().stream().map(Posting::amount).toArray(Long[]::new);
        sql.update("""
                INSERT INTO ledger_postings (transaction_id, account, currency, amount)
                SELECT ?, p.account, ?, p.amount
                FROM unnest(?::text[], ?::bigint[]) WITH ORDINALITY AS p(account, amount, n)
                ORDER BY p.n""", s -> {
                    s.setLong(1, transactionId);
                    s.setString(2, tx.currency().code());
                    s.setArray(3, s.getConnection().createArrayOf("text", accounts));
                    s.setArray(4, s.getConnection().createArrayOf("bigint", amounts));
                });
    }

    Optional<LedgerTransaction> findByKey(String externalKey) {
        return withPostings(sql.list("SELECT " + COLUMNS + " FROM ledger_transactions WHERE external_key = ?",
                s -> s.setString(1, externalKey), LedgerRepository::readTransaction)).stream().findFirst();
    }

    Optional<LedgerTransaction> findReversal(long reversedId, EntryKind kind) {
        return withPostings(sql.list("SELECT " + COLUMNS + " FROM ledger_transactions "
                        + "WHERE reverses_id = ? AND kind = ?", s -> {
                    s.setLong(1, reversedId);
                    s.setString(2, kind.name());
                }, LedgerRepository::readTransaction)).stream().findFirst();
    }

    List<LedgerTransaction> findByOrder(UUID orderId) {
        return withPostings(sql.list("SELECT " + COLUMNS + " FROM ledger_transactions WHERE order_id = ? ORDER BY id",
                s -> s.setObject(1, orderId), LedgerRepository::readTransaction));
    }

    /** Per account and currency; the database sums as NUMERIC, the cast fails loudly on overflow. */
    List<AccountBalance> balances() {
        return sql.list("""
                SELECT account, currency,
                       coalesce(sum(amount) FILTER (WHERE amount > 0), 0)::bigint AS debits,
                       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0)::bigint AS credits,
                       sum(amount)::bigint AS balance
                FROM ledger_postings
                GROUP BY currency, account
                ORDER BY currency, account""", Sql.Binder.NONE,
                row -> new AccountBalance(Account.fromDbName(row.getString(1)), row.getString(2).trim(),
                        row.getLong(3), row.getLong(4), row.getLong(5)));
    }

    private List<LedgerTransaction> withPostings(List<LedgerTransaction> transactions) {
        if (transactions.isEmpty()) {
            return transactions;
        }
        Map<Long, List<Posting>> postings = postingsOf(transactions);
        return transactions.stream().map(t -> new LedgerTransaction(t.id(), t.externalKey(), t.kind(), t.currency(),
                t.occurredAt(), t.recordedAt(), t.orderId(), t.buyerId(), t.telegramChargeId(),
                t.providerChargeId(), t.reversesTransactionId(), postings.getOrDefault(t.id(), List.of()))).toList();
    }

    private Map<Long, List<Posting>> postingsOf(List<LedgerTransaction> transactions) {
        Long[] ids = transactions.stream().map(LedgerTransaction::id).toArray(Long[]::new);
        Map<Long, List<Posting>> postings = new HashMap<>();
        sql.list("SELECT transaction_id, account, amount FROM ledger_postings WHERE transaction_id = ANY(?) "
                        + "ORDER BY transaction_id, id",
                s -> s.setArray(1, s.getConnection().createArrayOf("bigint", ids)),
                row -> Map.entry(row.getLong(1), new Posting(Account.fromDbName(row.getString(2)), row.getLong(3))))
                .forEach(e -> postings.computeIfAbsent(e.getKey(), id -> new ArrayList<>()).add(e.getValue()));
        return postings;
    }

    private static LedgerTransaction readTransaction(ResultSet row) throws SQLException {
        return new LedgerTransaction(row.getLong(1), row.getString(2), EntryKind.valueOf(row.getString(3)),
                row.getString(4).trim(), row.getTimestamp(5).toInstant(), row.getTimestamp(6).toInstant(),
                row.getObject(7, UUID.class), row.getObject(8, Long.class), row.getString(9), row.getString(10),
                row.getObject(11, Long.class), List.of());
    }
}

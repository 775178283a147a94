package dev.starshop.ledger;

import dev.starshop.money.StarQuantity;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.SQLException;
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
     * Inserts the transaction row and its postings in one statement (one round trip), unless a
     * unique rule already holds a row for it: the same external key, or an earlier reversal of the
     * same kind of the same transaction. Then nothing is written and the result is empty; a
     * concurrent insert of either waits for the other transaction and then reports empty. The
     * postings keep the given order.
     */
    Optional<Long> insert(NewTransaction tx, Instant recordedAt) {
        String[] accounts = tx.postings().stream().map(p -> p.account().dbName()).toArray(String[]::new);
        Long[] amounts = tx.postings().stream().map(Posting::amount).toArray(Long[]::new);
        Long[] nanos = tx.postings().stream().map(p -> (long) p.nanos()).toArray(Long[]::new);
        return sql.one("""
                WITH tx AS (
                    INSERT INTO ledger_transactions (external_key, kind, currency, occurred_at, recorded_at, order_id,
                                                     buyer_id, telegram_charge_id, provider_charge_id, reverses_id)
                    VALUES (:externalKey, :kind, :currency, :occurredAt, :recordedAt, :orderId,
                            :buyerId, :telegramChargeId, :providerChargeId, :reversesId)
                    ON CONFLICT DO NOTHING
                    RETURNING id),
                postings AS (
                    INSERT INTO ledger_postings (transaction_id, account, currency, amount, nanos)
                    SELECT tx.id, p.account, :currency, p.amount, p.nanos
                    FROM tx, unnest(:accounts::text[], :amounts::bigint[], :nanos::integer[])
                             WITH ORDINALITY AS p(account, amount, nanos, n)
                    ORDER BY p.n)
                SELECT id FROM tx""", Params.of("externalKey", tx.externalKey()).and("kind", tx.kind())
                        .and("currency", tx.currency().code()).and("occurredAt", tx.occurredAt())
                        .and("recordedAt", recordedAt).and("orderId", tx.orderId()).and("buyerId", tx.buyerId())
                        .and("telegramChargeId", tx.telegramChargeId()).and("providerChargeId", tx.providerChargeId())
                        .and("reversesId", tx.reversesTransactionId())
                        .and("accounts", accounts).and("amounts", amounts).and("nanos", nanos),
                row -> row.getLong("id"));
    }

    /**
     * {@link #insert} for many transactions in one statement (one round trip), in the order given, the
     * postings of each in theirs. Answers each transaction's id, in the order given. Unlike
     * {@link #insert} it cannot tell a replay from a contradiction, so a row already recorded under
     * one of the keys (or a key twice here, or a second reversal) throws, and the caller's
     * transaction must roll back: nothing it wrote may commit without the rows it meant to write.
     */
    List<Long> insertAll(List<NewTransaction> transactions, List<Instant> recordedAt) {
        List<Posting> postings = new ArrayList<>();
        List<String> postingKeys = new ArrayList<>();
        for (NewTransaction tx : transactions) {
            tx.postings().forEach(p -> {
                postings.add(p);
                postingKeys.add(tx.externalKey());
            });
        }
        Map<String, Long> ids = new HashMap<>();
        sql.list("""
                WITH tx AS (
                    INSERT INTO ledger_transactions (external_key, kind, currency, occurred_at, recorded_at, order_id,
                                                     buyer_id, telegram_charge_id, provider_charge_id, reverses_id)
                    SELECT t.external_key, t.kind, t.currency, t.occurred_at::timestamptz, t.recorded_at::timestamptz,
                           t.order_id, t.buyer_id, t.telegram_charge_id, t.provider_charge_id, t.reverses_id
                    FROM unnest(:externalKeys::text[], :kinds::text[], :currencies::text[], :occurredAt::text[],
                                :recordedAt::text[], :orderIds::uuid[], :buyerIds::bigint[], :telegramChargeIds::text[],
                                :providerChargeIds::text[], :reversesIds::bigint[])
                         WITH ORDINALITY AS t(external_key, kind, currency, occurred_at, recorded_at, order_id,
                                              buyer_id, telegram_charge_id, provider_charge_id, reverses_id, n)
                    ORDER BY t.n
                    ON CONFLICT DO NOTHING
                    RETURNING id, external_key, currency),
                postings AS (
                    INSERT INTO ledger_postings (transaction_id, account, currency, amount, nanos)
                    SELECT tx.id, p.account, tx.currency, p.amount, p.nanos
                    FROM unnest(:postingKeys::text[], :accounts::text[], :amounts::bigint[], :nanos::integer[])
                             WITH ORDINALITY AS p(external_key, account, amount, nanos, n)
                    JOIN tx ON tx.external_key = p.external_key
                    ORDER BY p.n)
                SELECT id, external_key FROM tx""",
                Params.of("externalKeys", Params.column(transactions, NewTransaction::externalKey, String[]::new))
                        .and("kinds", Params.column(transactions, tx -> tx.kind().name(), String[]::new))
                        .and("currencies", Params.column(transactions, tx -> tx.currency().code(), String[]::new))
                        .and("occurredAt", Params.column(transactions, tx -> tx.occurredAt().toString(), String[]::new))
                        .and("recordedAt", recordedAt.stream().map(Instant::toString).toArray(String[]::new))
                        .and("orderIds", Params.column(transactions, NewTransaction::orderId, UUID[]::new))
                        .and("buyerIds", Params.column(transactions, NewTransaction::buyerId, Long[]::new))
                        .and("telegramChargeIds", Params.column(transactions, NewTransaction::telegramChargeId, String[]::new))
                        .and("providerChargeIds", Params.column(transactions, NewTransaction::providerChargeId, String[]::new))
                        .and("reversesIds", Params.column(transactions, NewTransaction::reversesTransactionId, Long[]::new))
                        .and("postingKeys", postingKeys.toArray(String[]::new))
                        .and("accounts", Params.column(postings, p -> p.account().dbName(), String[]::new))
                        .and("amounts", Params.column(postings, Posting::amount, Long[]::new))
                        .and("nanos", Params.column(postings, p -> (long) p.nanos(), Long[]::new)),
                row -> Map.entry(row.getString("external_key"), row.getLong("id")))
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        if (ids.size() != transactions.size()) {
            throw new IllegalStateException("A shared transaction's " + transactions.size() + " ledger transactions "
                    + "met " + (transactions.size() - ids.size()) + " key(s) already recorded; it rolls back and "
                    + "each is posted again alone");
        }
        return transactions.stream().map(tx -> ids.get(tx.externalKey())).toList();
    }

    Optional<LedgerTransaction> findByKey(String externalKey) {
        return withPostings(sql.list("SELECT " + COLUMNS + " FROM ledger_transactions WHERE external_key = :key",
                Params.of("key", externalKey), LedgerRepository::readTransaction)).stream().findFirst();
    }

    Optional<LedgerTransaction> findReversal(long reversedId, EntryKind kind) {
        return withPostings(sql.list("SELECT " + COLUMNS + " FROM ledger_transactions "
                        + "WHERE reverses_id = :reversedId AND kind = :kind",
                Params.of("reversedId", reversedId).and("kind", kind), LedgerRepository::readTransaction))
                .stream().findFirst();
    }

    List<LedgerTransaction> findByOrder(UUID orderId) {
        return withPostings(sql.list("SELECT " + COLUMNS + " FROM ledger_transactions WHERE order_id = :orderId "
                + "ORDER BY id", Params.of("orderId", orderId), LedgerRepository::readTransaction));
    }

    /**
     * Per account and currency; the database sums as NUMERIC, the cast fails loudly on overflow.
     * Stars balances are also summed exactly in nanostars.
     */
    List<AccountBalance> balances() {
        return sql.list("""
                SELECT account, currency,
                       coalesce(sum(amount) FILTER (WHERE amount > 0), 0)::bigint AS debits,
                       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0)::bigint AS credits,
                       sum(amount)::bigint AS balance,
                       CASE WHEN currency = 'XTR' THEN sum(amount::numeric * 1000000000 + nanos)::bigint END
                           AS balance_nanostars
                FROM ledger_postings
                GROUP BY currency, account
                ORDER BY currency, account""", Params.none(), row -> {
                    Long nanostars = row.getLongOrNull("balance_nanostars");
                    StarQuantity stars = nanostars == null ? null : new StarQuantity(nanostars);
                    return new AccountBalance(Account.fromDbName(row.getString("account")),
                            row.getString("currency"), row.getLong("debits"), row.getLong("credits"),
                            stars == null ? row.getLong("balance") : stars.wholeStars(), stars);
                });
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
        sql.list("SELECT transaction_id, account, amount, nanos FROM ledger_postings "
                        + "WHERE transaction_id = ANY(:ids) ORDER BY transaction_id, id", Params.of("ids", ids),
                row -> Map.entry(row.getLong("transaction_id"),
                        new Posting(Account.fromDbName(row.getString("account")), row.getLong("amount"),
                                row.getInt("nanos"))))
                .forEach(e -> postings.computeIfAbsent(e.getKey(), id -> new ArrayList<>()).add(e.getValue()));
        return postings;
    }

    private static LedgerTransaction readTransaction(Row row) throws SQLException {
        return new LedgerTransaction(row.getLong("id"), row.getString("external_key"),
                EntryKind.valueOf(row.getString("kind")), row.getString("currency"),
                row.getInstant("occurred_at"), row.getInstant("recorded_at"), row.getUuid("order_id"),
                row.getLongOrNull("buyer_id"), row.getString("telegram_charge_id"),
                row.getString("provider_charge_id"), row.getLongOrNull("reverses_id"), List.of());
    }
}

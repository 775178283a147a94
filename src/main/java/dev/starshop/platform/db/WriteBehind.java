package dev.starshop.platform.db;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows that a transaction adds and never reads back before it commits (the bot outbox's messages,
 * the event outbox's deliveries), written in one statement per table at the end of a shared
 * (group) commit instead of one statement each. Only a transaction that {@link #gather() gathers}
 * defers anything; there, {@link #flush()} must run before the commit, inside the transaction, so
 * the rows commit (or roll back) with everything else. Everywhere else a row is written at once,
 * by the same statement as always.
 */
@Singleton
public final class WriteBehind {

    /** A table's statement for many rows, in the order given. */
    public interface Table<R> {
        void insertAll(List<R> rows);
    }

    private final TransactionOperations<Connection> transactions;
    private final Map<Object, Map<Table<?>, List<Object>>> byTransaction = new ConcurrentHashMap<>();

    WriteBehind(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** From now until {@link #flush()}, rows offered in the current transaction wait for the flush. */
    public void gather() {
        TransactionStatus<?> status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("Rows can only be gathered inside a transaction"));
        Object connection = status.getConnection();
        if (byTransaction.putIfAbsent(connection, new LinkedHashMap<>()) == null) {
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status ended) {
                    byTransaction.remove(connection);
                }
            });
        }
    }

    /** True if the row waits for this transaction's flush; false: the caller writes it now. */
    public <R> boolean offer(Table<R> table, R row) {
        Optional<Map<Table<?>, List<Object>>> gathered = gathered();
        gathered.ifPresent(rows -> rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row));
        return gathered.isPresent();
    }

    /** Writes what waits, one statement per table, tables in the order of their first row; gathering stops. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void flush() {
        Optional<? extends TransactionStatus<?>> status = transactions.findTransactionStatus();
        Map<Table<?>, List<Object>> waiting = status.map(s -> byTransaction.remove(s.getConnection())).orElse(null);
        if (waiting == null) {
            return;
        }
        waiting.forEach((table, rows) -> ((Table) table).insertAll(rows));
    }

    /** How many transactions gather now (for tests: zero once they have all ended). */
    int open() {
        return byTransaction.size();
    }

    private Optional<Map<Table<?>, List<Object>>> gathered() {
        if (byTransaction.isEmpty()) {
            return Optional.empty();
        }
        return transactions.findTransactionStatus().map(status -> byTransaction.get(status.getConnection()));
    }
}

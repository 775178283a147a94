package dev.starshop.platform.db;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Rows that a transaction adds and does not read back before it commits (the bot outbox's messages,
 * the event outbox's deliveries, the payments' ledger transactions, the orders' moves to PAID), written in one statement per
 * table at the end of a shared (group) commit instead of one statement each. Only a transaction that
 * {@link #gather() gathers} defers anything; there, {@link #flush()} must run before the commit,
 * inside the transaction, so the rows commit (or roll back) with everything else, and whoever reads
 * a table back inside the transaction first writes what waits for it ({@link #flush(Table)}).
 * Everywhere else a row is written at once, by the same statement as always. A table whose
 * statement finds a row already there (a conflict the deferred writer could not answer) must throw:
 * the shared transaction then rolls back and each of its items is written again alone.
 */
@Singleton
public final class WriteBehind {

    /** A table's statement for many rows, in the order given. */
    public interface Table<R> {
        void insertAll(List<R> rows);

        /** The database table the rows go to, for a reader that cannot hold this object ({@link #beforeReading}). */
        default Optional<SharedTable> shared() {
            return Optional.empty();
        }

        /** A table that readers in other packages find by its {@link SharedTable} name. */
        static <R> Table<R> named(SharedTable name, Consumer<List<R>> insertAll) {
            Optional<SharedTable> shared = Optional.of(name);
            return new Table<>() {
                @Override
                public void insertAll(List<R> rows) {
                    insertAll.accept(rows);
                }

                @Override
                public Optional<SharedTable> shared() {
                    return shared;
                }
            };
        }
    }

    private final PerTransaction<Map<Table<?>, List<Object>>> waiting;

    WriteBehind(TransactionOperations<Connection> transactions) {
        this.waiting = new PerTransaction<>(transactions, LinkedHashMap::new);
    }

    /** From now until {@link #flush()}, rows offered in the current transaction wait for the flush. */
    public void gather() {
        waiting.of(waiting.transaction()
                .orElseThrow(() -> new IllegalStateException("Rows can only be gathered inside a transaction")));
    }

    /** True if the row waits for this transaction's flush; false: the caller writes it now. */
    public <R> boolean offer(Table<R> table, R row) {
        Optional<Map<Table<?>, List<Object>>> gathered = waiting.current();
        gathered.ifPresent(rows -> rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row));
        return gathered.isPresent();
    }

    /** Writes what waits, one statement per table, tables in the order of their first row; gathering stops. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void flush() {
        waiting.takeCurrent().ifPresent(tables -> tables.forEach((table, rows) -> ((Table) table).insertAll(rows)));
    }

    /**
     * Writes what waits for {@code table} in this transaction now, in one statement, before something
     * in the transaction reads that table back; gathering goes on. Nothing outside a gathering transaction.
     */
    @SuppressWarnings("unchecked")
    public <R> void flush(Table<R> table) {
        waiting.current().map(tables -> tables.remove(table))
                .ifPresent(rows -> table.insertAll((List<R>) (List<?>) rows));
    }

    /**
     * {@link #flush(Table)}, but only if one of the rows waiting for {@code table} matches {@code touched}:
     * for a reader or writer of one row (an order), which rows of other keys waiting do not concern.
     */
    @SuppressWarnings("unchecked")
    public <R> void flushIfAny(Table<R> table, Predicate<? super R> touched) {
        Optional<List<Object>> rows = waiting.current().map(tables -> tables.get(table));
        if (rows.isPresent() && rows.get().stream().anyMatch(row -> touched.test((R) row))) {
            flush(table);
        }
    }

    /**
     * {@link #flush(Table)} for every table waiting to write rows into {@code table}, for a reader in
     * another package than the writer's (an order event reading the payment's row).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void beforeReading(SharedTable table) {
        waiting.current().ifPresent(tables -> tables.keySet().stream()
                .filter(held -> held.shared().filter(table::equals).isPresent())
                .toList().forEach(held -> flush((Table) held)));
    }

    /** How many transactions gather now (for tests: zero once they have all ended). */
    int open() {
        return waiting.open();
    }
}

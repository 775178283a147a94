package dev.starshop.platform.db;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows a shared (group) transaction read for many of its items in one statement, handed out to the
 * items one by one instead of each item reading its own. An entry is what a read of that row would
 * answer now only until this transaction writes the row, so whoever writes it {@link #forget forgets}
 * the entry first, and the next reader goes to the database. Entries live until the transaction
 * ends; outside a transaction nothing is kept.
 */
@Singleton
public final class ReadAhead {

    private final TransactionOperations<Connection> transactions;
    private final Map<Object, Map<Object, Object>> byTransaction = new ConcurrentHashMap<>();

    ReadAhead(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Keeps {@code value} as what {@code key} reads in this transaction; nothing outside a transaction. */
    public void put(Object key, Object value) {
        transactions.findTransactionStatus().ifPresent(status -> entriesOf(status).put(key, value));
    }

    /** The entry, removed: the next read of {@code key} in this transaction goes to the database. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> take(Object key) {
        return entries().map(entries -> (T) entries.remove(key));
    }

    /** The entry, kept for the next reader (for rows read many times and written rarely). */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> peek(Object key) {
        return entries().map(entries -> (T) entries.get(key));
    }

    /** The row is about to be written in this transaction: its entry no longer tells the truth. */
    public void forget(Object key) {
        entries().ifPresent(entries -> entries.remove(key));
    }

    /** How many transactions hold entries now (for tests: zero once they have all ended). */
    int open() {
        return byTransaction.size();
    }

    private Optional<Map<Object, Object>> entries() {
        if (byTransaction.isEmpty()) {
            return Optional.empty();
        }
        return transactions.findTransactionStatus().map(status -> byTransaction.get(status.getConnection()));
    }

    private Map<Object, Object> entriesOf(TransactionStatus<?> status) {
        Object connection = status.getConnection();
        Map<Object, Object> entries = byTransaction.get(connection);
        if (entries == null) {
            entries = new HashMap<>();
            byTransaction.put(connection, entries);
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status ended) {
                    byTransaction.remove(connection);
                }
            });
        }
        return entries;
    }
}

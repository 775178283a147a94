package dev.starshop.platform.db;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rows a shared (group) transaction read for many of its items in one statement, handed out to the
 * items one by one instead of each item reading its own. An entry is what a read of that row would
 * answer now only until this transaction writes the row, so whoever writes it {@link #forget forgets}
 * the entry first, and the next reader goes to the database. Entries live until the transaction
 * ends; outside a transaction nothing is kept.
 */
@Singleton
public final class ReadAhead {

    private final PerTransaction<Map<Object, Object>> entries;

    ReadAhead(TransactionOperations<Connection> transactions) {
        this.entries = new PerTransaction<>(transactions, HashMap::new);
    }

    /** Keeps {@code value} as what {@code key} reads in this transaction; nothing outside a transaction. */
    public void put(Object key, Object value) {
        entries.transaction().ifPresent(status -> entries.of(status).put(key, value));
    }

    /** The entry, removed: the next read of {@code key} in this transaction goes to the database. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> take(Object key) {
        return entries.current().map(held -> (T) held.remove(key));
    }

    /** The entry, kept for the next reader (for rows read many times and written rarely). */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> peek(Object key) {
        return entries.current().map(held -> (T) held.get(key));
    }

    /** The row is about to be written in this transaction: its entry no longer tells the truth. */
    public void forget(Object key) {
        entries.current().ifPresent(held -> held.remove(key));
    }

    /** How many transactions hold entries now (for tests: zero once they have all ended). */
    int open() {
        return entries.open();
    }
}

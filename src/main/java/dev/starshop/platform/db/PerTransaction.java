package dev.starshop.platform.db;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One value per open transaction, made on its first use and dropped when the transaction ends
 * (committed or rolled back). Transactions are told apart by their connection. What
 * {@link TransactionMemo}, {@link ReadAhead} and {@link WriteBehind} keep for the transaction they
 * run in lives here.
 */
final class PerTransaction<V> {

    private final TransactionOperations<Connection> transactions;
    private final Supplier<V> fresh;
    private final Map<Object, V> byConnection = new ConcurrentHashMap<>();

    PerTransaction(TransactionOperations<Connection> transactions, Supplier<V> fresh) {
        this.transactions = transactions;
        this.fresh = fresh;
    }

    /** The current transaction, if there is one. */
    Optional<? extends TransactionStatus<?>> transaction() {
        return transactions.findTransactionStatus();
    }

    /** The current transaction's value; empty outside a transaction or before its first {@link #of}. */
    Optional<V> current() {
        if (byConnection.isEmpty()) {
            return Optional.empty();
        }
        return transaction().map(status -> byConnection.get(status.getConnection()));
    }

    /** The transaction's value, made now if it has none yet. */
    V of(TransactionStatus<?> status) {
        Object connection = status.getConnection();
        V value = byConnection.get(connection);
        if (value == null) {
            value = fresh.get();
            byConnection.put(connection, value);
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status ended) {
                    byConnection.remove(connection);
                }
            });
        }
        return value;
    }

    /** Drops the current transaction's value before the transaction ends, answering it. */
    Optional<V> takeCurrent() {
        return transaction().map(status -> byConnection.remove(status.getConnection()));
    }

    /** How many transactions hold a value now (for tests: zero once they have all ended). */
    int open() {
        return byConnection.size();
    }
}

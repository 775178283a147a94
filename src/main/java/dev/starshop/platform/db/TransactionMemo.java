package dev.starshop.platform.db;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads that need to happen once per transaction, not once per use: the first read of a key in a
 * transaction is kept until that transaction ends, and the next transaction reads again. A webhook
 * group commit handles many updates in one transaction, and each would otherwise read the same
 * configuration rows (enabled event endpoints, what a product delivers). Under READ COMMITTED a
 * second read in the same transaction could see a change committed in between; keeping the first
 * is the same as the batch having run a little earlier. Outside a transaction nothing is kept.
 */
@Singleton
public final class TransactionMemo {

    private final PerTransaction<Map<Object, Object>> memos;

    TransactionMemo(TransactionOperations<Connection> transactions) {
        this.memos = new PerTransaction<>(transactions, HashMap::new);
    }

    /** The value {@code read} gave for {@code key} earlier in this transaction, or reads it now. */
    @SuppressWarnings("unchecked")
    public <T> T once(Object key, Supplier<T> read) {
        Optional<? extends TransactionStatus<?>> status = memos.transaction();
        if (status.isEmpty()) {
            return read.get();
        }
        Map<Object, Object> memo = memos.of(status.get());
        Object kept = memo.get(key);
        if (kept == null) {
            kept = read.get();
            memo.put(key, kept);
        }
        return (T) kept;
    }

    /** How many transactions hold values now (for tests: it is zero once they have all ended). */
    int open() {
        return memos.open();
    }
}

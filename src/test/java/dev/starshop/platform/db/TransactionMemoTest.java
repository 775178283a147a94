package dev.starshop.platform.db;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A value is read once per transaction, read again in the next one, and nothing is kept after either ends. */
@MicronautTest(transactional = false)
class TransactionMemoTest {

    @Inject
    TransactionMemo memo;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void readsOncePerTransactionAndForgetsWhenItEnds() {
        AtomicInteger reads = new AtomicInteger();
        List<Integer> first = transactions.executeWrite(status -> List.of(
                memo.once("key", reads::incrementAndGet), memo.once("key", reads::incrementAndGet),
                memo.once("other", reads::incrementAndGet)));
        int second = transactions.executeWrite(status -> memo.once("key", reads::incrementAndGet));

        assertEquals(List.of(1, 1, 2), first, "the second read of 'key' in one transaction was the first's");
        assertEquals(3, second, "a new transaction reads again");
        assertEquals(0, memo.open());
    }

    @Test
    void aRolledBackTransactionKeepsNothing() {
        AtomicInteger reads = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            memo.once("key", reads::incrementAndGet);
            throw new IllegalStateException("roll back");
        }));

        assertEquals(0, memo.open());
        assertEquals(2, memo.once("key", reads::incrementAndGet), "outside a transaction every use reads");
        assertEquals(3, memo.once("key", reads::incrementAndGet));
    }
}

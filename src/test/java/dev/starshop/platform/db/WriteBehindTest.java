package dev.starshop.platform.db;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows wait only in a transaction that gathers, are written per table in the order offered when it
 * flushes (or one table's when it is about to be read back), and nothing is kept once a transaction
 * ends, committed or not.
 */
@MicronautTest(transactional = false)
class WriteBehindTest {

    @Inject
    WriteBehind writeBehind;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void rowsWaitForTheFlushInATransactionThatGathersAndAreWrittenPerTableInOrder() {
        List<List<String>> letters = new ArrayList<>();
        List<List<Integer>> numbers = new ArrayList<>();
        WriteBehind.Table<String> letterTable = letters::add;
        WriteBehind.Table<Integer> numberTable = numbers::add;

        List<Boolean> offered = transactions.executeWrite(status -> {
            boolean before = writeBehind.offer(letterTable, "not gathering");
            writeBehind.gather();
            List<Boolean> waited = List.of(before, writeBehind.offer(letterTable, "a"),
                    writeBehind.offer(numberTable, 1), writeBehind.offer(letterTable, "b"));
            assertEquals(List.of(), letters, "nothing written before the flush");
            writeBehind.flush();
            return List.of(waited.get(0), waited.get(1), waited.get(2), waited.get(3),
                    writeBehind.offer(letterTable, "after the flush"));
        });

        assertEquals(List.of(false, true, true, true, false), offered);
        assertEquals(List.of(List.of("a", "b")), letters, "one write for the table, in the order offered");
        assertEquals(List.of(List.of(1)), numbers);
        assertEquals(0, writeBehind.open());
    }

    @Test
    void aTableFlushedBeforeItIsReadBackIsWrittenThenAndGatheringGoesOn() {
        List<List<String>> letters = new ArrayList<>();
        List<List<Integer>> numbers = new ArrayList<>();
        WriteBehind.Table<String> letterTable = letters::add;
        WriteBehind.Table<Integer> numberTable = numbers::add;

        transactions.executeWrite(status -> {
            writeBehind.gather();
            writeBehind.offer(letterTable, "a");
            writeBehind.offer(numberTable, 1);
            writeBehind.flush(letterTable);
            assertEquals(List.of(List.of("a")), letters, "written before the read");
            assertEquals(List.of(), numbers, "the other table still waits");
            writeBehind.flush(letterTable);
            assertTrue(writeBehind.offer(letterTable, "b"), "still gathering");
            writeBehind.flush();
            return null;
        });

        assertEquals(List.of(List.of("a"), List.of("b")), letters, "nothing written twice, nothing lost");
        assertEquals(List.of(List.of(1)), numbers);
        assertEquals(0, writeBehind.open());
    }

    @Test
    void oneRowsReaderWritesItsTableOnlyIfThatRowWaitsAndAnotherPackageFindsATableByItsSharedName() {
        List<List<String>> letters = new ArrayList<>();
        List<List<Integer>> numbers = new ArrayList<>();
        WriteBehind.Table<String> letterTable = WriteBehind.Table.named(SharedTable.ORDERS, letters::add);
        WriteBehind.Table<Integer> numberTable = WriteBehind.Table.named(SharedTable.PAYMENTS, numbers::add);

        transactions.executeWrite(status -> {
            writeBehind.gather();
            writeBehind.offer(letterTable, "a");
            writeBehind.offer(letterTable, "b");
            writeBehind.offer(numberTable, 1);
            writeBehind.flushIfAny(letterTable, "c"::equals);
            assertEquals(List.of(), letters, "no row of c waits: nothing written");
            writeBehind.flushIfAny(letterTable, "b"::equals);
            assertEquals(List.of(List.of("a", "b")), letters, "b waits: the table's rows written in one");
            writeBehind.offer(letterTable, "d");
            writeBehind.beforeReading(SharedTable.PAYMENTS);
            assertEquals(List.of(List.of(1)), numbers, "the payments' table, found by its shared name");
            assertEquals(List.of(List.of("a", "b")), letters, "another shared table still waits");
            writeBehind.flush();
            return null;
        });

        assertEquals(List.of(List.of("a", "b"), List.of("d")), letters);
        assertEquals(List.of(List.of(1)), numbers);
        assertEquals(0, writeBehind.open());
    }

    @Test
    void outsideATransactionNothingWaitsAndARolledBackTransactionKeepsNothing() {
        List<List<String>> written = new ArrayList<>();
        WriteBehind.Table<String> table = written::add;

        assertFalse(writeBehind.offer(table, "outside"));
        assertThrows(IllegalStateException.class, writeBehind::gather);
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            writeBehind.gather();
            assertTrue(writeBehind.offer(table, "rolled back"));
            throw new IllegalStateException("roll back");
        }));

        assertEquals(0, writeBehind.open());
        assertEquals(List.of(), written, "the rolled-back transaction's rows were never written");
    }
}

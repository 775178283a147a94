package dev.starshop.platform.db;

import dev.starshop.support.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grouping itself, with a writer that records what it was asked to do: who leads, who waits,
 * what is written together, and that nobody hears of a result before its transaction returned.
 */
class GroupCommitTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aWriteWithNobodyElseWaitingIsWrittenAloneAtOnce() {
        RecordingWriter writer = new RecordingWriter();
        GroupCommit<Integer, String> group = new GroupCommit<>(writer, 2, 32);

        assertEquals("alone 7", group.write(7));
        assertEquals(List.of(), writer.batches);
    }

    @Test
    void writesArrivingWhileTheLanesAreBusyShareTheNextTransaction() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.holdAlone(0);
        GroupCommit<Integer, String> group = new GroupCommit<>(writer, 1, 32);
        Future<String> first = callers.submit(() -> group.write(0));
        writer.aloneHold.awaitReached();

        List<Future<String>> waiting = submitAll(group, 1, 2, 3, 4, 5);
        Eventually.until(() -> group.waiting() == 5);
        assertTrue(waiting.stream().noneMatch(Future::isDone), "a caller learned its result early");
        writer.aloneHold.release();

        assertEquals("alone 0", first.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("together 1", "together 2", "together 3", "together 4", "together 5"), results(waiting));
        assertEquals(1, writer.batches.size());
        assertEquals(List.of(1, 2, 3, 4, 5), writer.batches.get(0).stream().sorted().toList());
    }

    @Test
    void nobodyLearnsItsResultBeforeTheSharedTransactionReturns() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.holdAlone(0);
        GroupCommit<Integer, String> group = new GroupCommit<>(writer, 1, 32);
        callers.submit(() -> group.write(0));
        writer.aloneHold.awaitReached();
        List<Future<String>> waiting = submitAll(group, 1, 2, 3);
        Eventually.until(() -> group.waiting() == 3);
        writer.holdTogether();
        writer.aloneHold.release();
        writer.togetherHold.awaitReached();

        Thread.sleep(200);
        assertTrue(waiting.stream().noneMatch(Future::isDone), "a caller learned its result early");
        writer.togetherHold.release();
        assertEquals(List.of("together 1", "together 2", "together 3"), results(waiting));
    }

    @Test
    void aBatchNeverExceedsMaxBatch() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.holdAlone(0);
        GroupCommit<Integer, String> group = new GroupCommit<>(writer, 1, 3);
        callers.submit(() -> group.write(0));
        writer.aloneHold.awaitReached();
        List<Future<String>> waiting = submitAll(group, IntStream.rangeClosed(1, 10).boxed().toArray(Integer[]::new));
        Eventually.until(() -> group.waiting() == 10);
        writer.aloneHold.release();

        assertEquals(10, results(waiting).size());
        assertTrue(writer.batches.stream().allMatch(batch -> batch.size() <= 3), "batches " + writer.batches);
        assertEquals(11, writer.batches.stream().mapToInt(List::size).sum() + writer.alone.size());
    }

    @Test
    void whenTheSharedTransactionFailsEachItemIsWrittenAloneAndOnlyTheBadOneFails() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.holdAlone(0);
        writer.poison(3);
        GroupCommit<Integer, String> group = new GroupCommit<>(writer, 1, 32);
        callers.submit(() -> group.write(0));
        writer.aloneHold.awaitReached();
        List<Future<String>> waiting = submitAll(group, 1, 2, 3, 4);
        Eventually.until(() -> group.waiting() == 4);
        writer.aloneHold.release();

        assertEquals("alone 1", waiting.get(0).get(5, TimeUnit.SECONDS));
        assertEquals("alone 2", waiting.get(1).get(5, TimeUnit.SECONDS));
        ExecutionException bad = assertThrows(ExecutionException.class, () -> waiting.get(2).get(5, TimeUnit.SECONDS));
        assertEquals("item 3 is bad", bad.getCause().getMessage());
        assertEquals("alone 4", waiting.get(3).get(5, TimeUnit.SECONDS));
        assertEquals(1, writer.batches.size());
        assertEquals(List.of(0, 1, 2, 3, 4), writer.alone.stream().sorted().toList());
    }

    @Test
    void manyCallersOnFewLanesAllFinishWithTheirOwnResult() throws Exception {
        GroupCommit<Integer, String> group = new GroupCommit<>(new SlowWriter(), 2, 8);
        List<Future<String>> answers = new ArrayList<>();
        for (int caller = 0; caller < 64; caller++) {
            int first = caller * 1000;
            answers.add(callers.submit(() -> {
                StringBuilder mine = new StringBuilder();
                for (int item = first; item < first + 50; item++) {
                    String result = group.write(item);
                    if (!result.endsWith(" " + item)) {
                        return "caller got " + result + " for " + item;
                    }
                }
                return "ok";
            }));
        }
        for (Future<String> answer : answers) {
            assertEquals("ok", answer.get(60, TimeUnit.SECONDS));
        }
        assertEquals(0, group.waiting());
    }

    private List<Future<String>> submitAll(GroupCommit<Integer, String> group, Integer... items) {
        List<Future<String>> futures = new ArrayList<>();
        for (Integer item : items) {
            futures.add(callers.submit(() -> group.write(item)));
        }
        return futures;
    }

    private static List<String> results(List<Future<String>> futures) throws Exception {
        List<String> results = new ArrayList<>();
        for (Future<String> future : futures) {
            results.add(future.get(5, TimeUnit.SECONDS));
        }
        return results;
    }

    /** Records every call; can hold a call until released, and refuses a poisoned item. */
    private static final class RecordingWriter implements GroupCommit.Writer<Integer, String> {
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> alone = Collections.synchronizedList(new ArrayList<>());
        final Hold aloneHold = new Hold();
        final Hold togetherHold = new Hold();
        private volatile Integer holdAloneItem;
        private volatile boolean holdTogether;
        private volatile Integer poisoned;

        void holdAlone(int item) {
            holdAloneItem = item;
        }

        void holdTogether() {
            holdTogether = true;
        }

        void poison(int item) {
            poisoned = item;
        }

        @Override
        public List<String> together(List<Integer> items) {
            batches.add(List.copyOf(items));
            if (holdTogether) {
                togetherHold.hold();
            }
            if (items.contains(poisoned)) {
                throw new IllegalStateException("batch with a bad item");
            }
            return items.stream().map(item -> "together " + item).toList();
        }

        @Override
        public String alone(Integer item) {
            alone.add(item);
            if (item.equals(holdAloneItem)) {
                aloneHold.hold();
            }
            if (item.equals(poisoned)) {
                throw new IllegalStateException("item " + item + " is bad");
            }
            return "alone " + item;
        }
    }

    /** Takes a little time per item, like a database, and fails one batch in seven. */
    private static final class SlowWriter implements GroupCommit.Writer<Integer, String> {
        private final AtomicInteger batches = new AtomicInteger();

        @Override
        public List<String> together(List<Integer> items) {
            pause(items.size());
            if (batches.incrementAndGet() % 7 == 0) {
                throw new IllegalStateException("this batch did not commit");
            }
            return items.stream().map(item -> "together " + item).toList();
        }

        @Override
        public String alone(Integer item) {
            pause(1);
            return "alone " + item;
        }

        private static void pause(int items) {
            LockSupport.parkNanos(items * 20_000L);
        }
    }

    /** Keeps a write inside the writer until the test lets it go. */
    private static final class Hold {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void hold() {
            reached.countDown();
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitReached() throws InterruptedException {
            assertTrue(reached.await(5, TimeUnit.SECONDS), "a write is being held");
        }

        void release() {
            released.countDown();
        }
    }
}

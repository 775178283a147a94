package dev.starshop.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets concurrent callers share one transaction. A caller that finds a lane free leads: it takes
 * its own item and whatever else is waiting (up to {@code maxBatch}) and writes them together;
 * the others wait for the leader's commit. Nobody waits for company: with a lane free, an item is
 * written at once, alone if nothing else is waiting. So the batches grow only under load, when
 * the lanes are busy anyway.
 *
 * <p>A caller learns its result only after the shared transaction has returned. If writing the
 * batch fails for any reason, nothing of it was committed, and every caller writes its item
 * again, alone: one bad item never fails the others, and no result is ever reported for work
 * that did not commit.
 *
 * <p>Used by the webhook's inbox ({@code telegram.updates.InboxWrites}) and by order placement
 * ({@code order.OrderPlacements}).
 *
 * @param <T> what is written
 * @param <R> what writing it returns
 */
public final class GroupCommit<T, R> {

    /** The two ways to write: the items of one batch in one transaction, or one item in its own. */
    public interface Writer<T, R> {

        /** Writes all items in one transaction and returns their results in the same order; throws if any fails. */
        List<R> together(List<T> items);

        R alone(T item);
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Writer<T, R> writer;
    private final int lanes;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition laneFreed = lock.newCondition();
    private final ArrayDeque<Slot<T, R>> waiting = new ArrayDeque<>();
    private int busyLanes;

    public GroupCommit(Writer<T, R> writer, int lanes, int maxBatch) {
        if (lanes < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("lanes and maxBatch must be at least 1");
        }
        this.writer = writer;
        this.lanes = lanes;
        this.maxBatch = maxBatch;
    }

    /** Writes the item, possibly together with others; returns once its transaction has committed. */
    public R write(T item) {
        Slot<T, R> slot = new Slot<>(item);
        List<Slot<T, R>> batch = joinOrLead(slot);
        if (batch == null) {
            return slot.outcome(writer);
        }
        try {
            if (batch.size() == 1) {
                return writer.alone(item);
            }
            writeTogether(batch);
        } finally {
            freeLane();
        }
        return slot.outcome(writer);
    }

    /** How many callers wait for a lane or a leader (for tests and metrics). */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Null when another leader took the slot; otherwise the batch this caller now leads. */
    private List<Slot<T, R>> joinOrLead(Slot<T, R> slot) {
        lock.lock();
        try {
            waiting.add(slot);
            while (!slot.taken && busyLanes >= lanes) {
                laneFreed.awaitUninterruptibly();
            }
            if (slot.taken) {
                return null;
            }
            busyLanes++;
            return takeBatch(slot);
        } finally {
            lock.unlock();
        }
    }

    /** The leader's own slot first, then the longest-waiting others. */
    private List<Slot<T, R>> takeBatch(Slot<T, R> leader) {
        List<Slot<T, R>> batch = new ArrayList<>(Math.min(maxBatch, waiting.size()));
        waiting.remove(leader);
        leader.taken = true;
        batch.add(leader);
        Iterator<Slot<T, R>> next = waiting.iterator();
        while (batch.size() < maxBatch && next.hasNext()) {
            Slot<T, R> slot = next.next();
            next.remove();
            slot.taken = true;
            batch.add(slot);
        }
        return batch;
    }

    private void freeLane() {
        lock.lock();
        try {
            busyLanes--;
            laneFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A failure here is everyone's to retry alone, the leader's too, so it is only logged. */
    private void writeTogether(List<Slot<T, R>> batch) {
        try {
            List<R> results = writer.together(batch.stream().map(slot -> slot.item).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).committed(results.get(i));
            }
        } catch (RuntimeException e) {
            LOG.info("A batch of {} did not commit ({}); each is written alone", batch.size(), e.toString());
        } finally {
            batch.forEach(Slot::release);
        }
    }

    /** One caller's item and, once decided, how it ends. */
    private static final class Slot<T, R> {
        private final T item;
        private final CountDownLatch decided = new CountDownLatch(1);
        private boolean taken;
        private volatile boolean committed;
        private volatile R result;

        Slot(T item) {
            this.item = item;
        }

        void committed(R value) {
            result = value;
            committed = true;
            decided.countDown();
        }

        /** Wakes the caller; unless its item committed, it writes it again in a transaction of its own. */
        void release() {
            decided.countDown();
        }

        R outcome(Writer<T, R> writer) {
            boolean interrupted = false;
            while (true) {
                try {
                    decided.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return committed ? result : writer.alone(item);
        }
    }
}

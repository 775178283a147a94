package dev.starshop.backoffice.exports;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One stage of an export's pipeline: items put here are handled in order by a thread of its own,
 * while the caller goes on producing the next ones. At most {@code capacity} items wait, so memory
 * stays bounded; a producer that is faster waits for room. The work itself is the same, in the same
 * order, whichever thread does it, so the output does not depend on timing.
 *
 * <p>A failure of the handler is thrown to the producer at its next {@link #put} or at
 * {@link #close}; the thread then discards what still arrives, so the producer never waits for
 * room forever.
 */
final class HandOff<T> implements AutoCloseable {

    @FunctionalInterface
    interface Handler<T> {
        void handle(T item) throws Exception;
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Handler<T> handler;
    private final Thread thread;
    private volatile Throwable failure;
    private boolean closed;

    HandOff(String name, int capacity, Handler<T> handler) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.handler = handler;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one item for the thread; throws the thread's failure if it has failed. */
    void put(T item) throws IOException {
        rethrowFailure();
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while handing over export data", e);
        }
    }

    /** Waits until every item put has been handled; throws the thread's failure if there was one. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while finishing an export", e);
        }
        rethrowFailure();
    }

    private void run() {
        try {
            for (Object item = queue.take(); item != END; item = queue.take()) {
                if (failure == null) {
                    handle(item);
                }
            }
        } catch (InterruptedException e) {
            failure = e;
        }
    }

    @SuppressWarnings("unchecked")
    private void handle(Object item) {
        try {
            handler.handle((T) item);
        } catch (Exception | Error e) {
            failure = e;
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable failed = failure;
        if (failed instanceof IOException io) {
            throw new IOException(io.getMessage(), io);
        }
        if (failed != null) {
            throw new IOException("An export stage failed", failed);
        }
    }
}

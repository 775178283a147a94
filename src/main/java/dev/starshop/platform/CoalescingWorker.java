package dev.starshop.platform;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread that runs a drain when nudged. Nudges coalesce: while a drain is queued, more
 * nudges add nothing, and one that arrives while a drain runs queues exactly one more, so every
 * row committed before a nudge is picked up by a drain that starts after it. The senders of the
 * outbox and of the deliveries share it; what a drain does, and how it settles its claims at
 * shutdown, stays theirs.
 */
public final class CoalescingWorker {

    private final Runnable drain;
    /** A daemon: a drain that outlives the shutdown wait must not keep the JVM from exiting. */
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public CoalescingWorker(String threadName, Runnable drain) {
        this.drain = drain;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread worker = new Thread(r, threadName);
            worker.setDaemon(true);
            return worker;
        });
    }

    /** Queues a drain unless one is queued already or {@link #stop} has begun. */
    public void nudge() {
        if (stopping.get() || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                queued.set(false);
                drain.run();
            });
        } catch (RejectedExecutionException shuttingDown) {
            queued.set(false);
        }
    }

    /** True once {@link #stop} has begun: a drain checks it between calls and leaves the rest for later. */
    public boolean stopping() {
        return stopping.get();
    }

    /**
     * Refuses nudges from now on and lets the running drain finish (a queued one starts, sees
     * {@link #stopping()} and returns); waits up to {@code wait} and answers whether the thread
     * finished in time.
     */
    public boolean stop(Duration wait) {
        stopping.set(true);
        thread.shutdown();
        try {
            return thread.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

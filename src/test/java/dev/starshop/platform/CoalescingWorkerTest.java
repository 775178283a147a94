package dev.starshop.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoalescingWorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Each drain counts itself, then waits for the test to let it finish. */
    private final AtomicInteger drains = new AtomicInteger();
    private final Semaphore started = new Semaphore(0);
    private final Semaphore finish = new Semaphore(0);
    private final CoalescingWorker worker = new CoalescingWorker("coalescing-test", () -> {
        drains.incrementAndGet();
        started.release();
        finish.acquireUninterruptibly();
    });

    @AfterEach
    void stopWorker() {
        finish.release(100);
        worker.stop(WAIT);
    }

    @Test
    void nudgesDuringADrainQueueExactlyOneMore() throws InterruptedException {
        worker.nudge();
        assertTrue(started.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS));

        worker.nudge();
        worker.nudge();
        worker.nudge();
        finish.release();
        assertTrue(started.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS));
        finish.release();

        assertTrue(worker.stop(WAIT));
        assertEquals(2, drains.get());
    }

    @Test
    void stopLetsTheRunningDrainFinishAndRefusesLaterNudges() throws InterruptedException {
        worker.nudge();
        assertTrue(started.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS));

        assertFalse(worker.stop(Duration.ofMillis(50)), "the drain is still running");
        assertTrue(worker.stopping());
        finish.release();
        assertTrue(worker.stop(WAIT));

        worker.nudge();
        assertEquals(1, drains.get());
    }
}

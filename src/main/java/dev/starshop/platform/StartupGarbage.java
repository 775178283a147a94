package dev.starshop.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Collects the start-up's garbage once the engine has started, so that an idle engine does not keep
 * it resident. Starting leaves tens of megabytes of dead objects in the old generation (bean
 * discovery, Flyway, the first connections); nothing collects them while the engine is idle, and a
 * heap only gives memory back after a full collection ({@code -XX:MaxHeapFreeRatio} in
 * src/main/launcher/production.jvm-options). Two full collections, 1.5 s after the server listens, half a second apart:
 * part of the garbage (zip file systems, inflaters) is released by cleaners only after the first has
 * found it unreachable. Measured effect: docs/performance.md, "Memory by component".
 * {@code starshop.memory.collect-startup-garbage=false} (or {@code -XX:+DisableExplicitGC}) turns it off;
 * the tests do, since one test JVM starts a hundred engines.
 */
@Singleton
@Requires(property = "starshop.memory.collect-startup-garbage", notEquals = "false")
final class StartupGarbage implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupGarbage.class);
    /**
     * Start-up work goes on after the server listens (the bot's set-up, the scheduled jobs' first ticks), but
     * at 3 s the collections and the native trim that follows them (every second) often ended just after an
     * idle sample 5 s after the first healthy answer; at 1.5 s they are done about 3 s before it.
     */
    static final Duration AFTER_START = Duration.ofMillis(1500);
    /** Long enough for the cleaners to run on what the first collection found. */
    static final Duration BETWEEN_COLLECTIONS = Duration.ofMillis(500);

    private final TaskScheduler scheduler;

    StartupGarbage(@Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        scheduler.schedule(AFTER_START, this::collect);
    }

    private void collect() {
        long before = heapInUse();
        System.gc();
        scheduler.schedule(BETWEEN_COLLECTIONS, () -> {
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            LOG.info("Start-up garbage collected: heap in use {} → {} MB, committed {} MB", megabytes(before),
                    megabytes(heapInUse()), megabytes(runtime.totalMemory()));
        });
    }

    private static long heapInUse() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long megabytes(long bytes) {
        return bytes >> 20;
    }
}

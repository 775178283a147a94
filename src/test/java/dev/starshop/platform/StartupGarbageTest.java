package dev.starshop.platform;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** An engine that has started collects its start-up garbage (two System.gc()); with the key off it does not. */
class StartupGarbageTest {

    private final AtomicInteger explicitCollections = new AtomicInteger();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            if ("System.gc()".equals(info.getGcCause())) {
                explicitCollections.incrementAndGet();
            }
        }
    };

    @Test
    void anEngineCollectsItsStartupGarbageTwiceOnceItListens() throws Exception {
        listen();
        try (EmbeddedServer ignored = ApplicationContext.run(EmbeddedServer.class,
                Map.of("starshop.memory.collect-startup-garbage", "true"), "test")) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (explicitCollections.get() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            Thread.sleep(StartupGarbage.BETWEEN_COLLECTIONS.toMillis() * 2);
            assertEquals(2, explicitCollections.get(), "explicit collections after the start");
        } finally {
            stopListening();
        }
    }

    @Test
    void theTestsTurnItOff() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, "test")) {
            assertFalse(server.getApplicationContext().containsBean(StartupGarbage.class));
        }
    }

    private List<NotificationEmitter> emitters() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean.class::cast).map(NotificationEmitter.class::cast).toList();
    }

    private void listen() {
        emitters().forEach(emitter -> emitter.addNotificationListener(listener, null, null));
    }

    private void stopListening() throws ListenerNotFoundException {
        for (NotificationEmitter emitter : emitters()) {
            emitter.removeNotificationListener(listener);
        }
    }
}

package dev.starshop.harness;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sandbox purchases for a fixed time (20 s, or {@code -Dstarshop.harness.soak-seconds}; never fewer
 * than three times the largest bound; it does not follow the harness scale, so CI stays short), placed through the API and paid through the emulator's pay endpoint, as the
 * sandbox host does. What the emulator holds (GET /sandbox/api/stats) must stay within its
 * configured bounds however many purchases went through, and live heap must not keep growing.
 * Nothing here depends on how fast the machine is.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.sandbox.recent-updates", value = "40")
@Property(name = "starshop.sandbox.call-log-size", value = "60")
@Property(name = "starshop.sandbox.chat-history-size", value = "10")
@Property(name = "starshop.sandbox.star-history-size", value = "50")
@Property(name = "starshop.sandbox.max-invoices", value = "30")
class SandboxSoakTest {

    private static final int BUYERS = 4;
    private static final int BATCH = 20;
    private static final int LARGEST_BOUND = 60;
    /** Generous: the engine's own caches and pools may still warm up between the two points. */
    private static final long HEAP_GROWTH_ALLOWED = 64L * 1024 * 1024;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void whatTheEmulatorHoldsStaysWithinItsBoundsHoweverManyPurchases() throws Exception {
        SandboxShop shop = new SandboxShop(server.getURI(), "test-admin-token");
        String sku = shop.product();
        List<Long> buyers = shop.buyers(8_100_001L, BUYERS);
        Duration runFor = Duration.ofSeconds(Long.getLong("starshop.harness.soak-seconds", 20));
        int purchases = buy(shop, sku, buyers, BATCH);
        long heapAfterWarmUp = liveHeap();
        long deadline = System.nanoTime() + runFor.toNanos();

        while (System.nanoTime() < deadline || purchases < 3 * LARGEST_BOUND) {
            purchases += buy(shop, sku, buyers, BATCH);
            assertWithinBounds(stats(), purchases);
        }

        Map<String, Object> end = stats();
        assertWithinBounds(end, purchases);
        long heapAtEnd = liveHeap();
        System.out.printf("Sandbox soak (%d s): %d purchases; held %s; live heap %d MB -> %d MB%n", runFor.toSeconds(),
                purchases, end.get("held"), heapAfterWarmUp >> 20, heapAtEnd >> 20);
        assertTrue(heapAtEnd <= heapAfterWarmUp + HEAP_GROWTH_ALLOWED,
                () -> "live heap grew from " + (heapAfterWarmUp >> 20) + " MB to " + (heapAtEnd >> 20) + " MB");
    }

    /** Places {@code count} orders and pays each through the emulator; returns how many were paid. */
    private int buy(SandboxShop shop, String sku, List<Long> buyers, int count) throws Exception {
        for (PayableOrder order : shop.orders(sku, buyers, count)) {
            String slug = order.invoiceLink().substring(order.invoiceLink().lastIndexOf('$') + 1);
            Map<String, Object> outcome = http.toBlocking().retrieve(HttpRequest.POST("/sandbox/api/invoices/" + slug
                    + "/pay", Map.of("userId", order.buyer(), "method", "stars")), Argument.mapOf(String.class, Object.class));
            assertEquals("paid", outcome.get("status"), outcome::toString);
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private static void assertWithinBounds(Map<String, Object> stats, int purchases) {
        Map<String, Number> held = (Map<String, Number>) stats.get("held");
        Map<String, Number> bounds = (Map<String, Number>) stats.get("bounds");
        for (String store : List.of("finishedUpdates", "invoices", "calls", "starTransactions", "charges")) {
            assertTrue(held.get(store).intValue() <= bounds.get(store).intValue(),
                    () -> store + " holds " + held.get(store) + " after " + purchases + " purchases, bound "
                            + bounds.get(store));
        }
        int chatBound = bounds.get("chatMessagesPerChat").intValue() * held.get("users").intValue();
        assertTrue(held.get("chatMessages").intValue() <= chatBound,
                () -> "chats hold " + held.get("chatMessages") + " messages, bound " + chatBound);
        // Paid invoices are forgotten; the updates still queued are those the engine has not yet answered.
        assertTrue(held.get("invoices").intValue() <= BATCH, () -> "unpaid invoices held: " + held);
    }

    private Map<String, Object> stats() {
        return http.toBlocking().retrieve(HttpRequest.GET("/sandbox/api/stats"), Argument.mapOf(String.class, Object.class));
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

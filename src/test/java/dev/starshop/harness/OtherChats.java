package dev.starshop.harness;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telegram keeps bringing updates from other chats while the shop's database is down: here a plain
 * message from a new user at a steady pace, each delivered until acknowledged as Telegram would.
 * The outage test needs them so that some deliveries are sent and answered entirely while
 * PostgreSQL refuses connections, whatever the payers' lanes happen to be doing (a lane that got
 * a 503 waits at least its Retry-After before it delivers again).
 */
final class OtherChats implements AutoCloseable {

    private static final long FIRST_UPDATE_ID = 5_100_000_000L;
    private static final long FIRST_USER_ID = 5_100_001L;

    private final WebhookDeliverer telegram;
    private final Duration pace;
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService deliveries = Executors.newCachedThreadPool();
    private final List<Future<Boolean>> delivered = new ArrayList<>();

    OtherChats(URI webhook, String secret, Duration pace) {
        this.telegram = new WebhookDeliverer(webhook, secret);
        this.pace = pace;
    }

    void start() {
        clock.scheduleAtFixedRate(this::sendOne, 0, pace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops new messages; the ones already sent are still being delivered. */
    void stop() {
        clock.shutdown();
    }

    /** Waits for every message to be acknowledged; false if one was given up on. */
    boolean allAcknowledged() throws Exception {
        stop();
        clock.awaitTermination(10, TimeUnit.SECONDS);
        List<Future<Boolean>> all;
        synchronized (delivered) {
            all = List.copyOf(delivered);
        }
        boolean every = true;
        for (Future<Boolean> delivery : all) {
            every &= delivery.get();
        }
        return every;
    }

    long count() {
        return sent.get();
    }

    private void sendOne() {
        long n = sent.getAndIncrement();
        long updateId = FIRST_UPDATE_ID + n;
        long user = FIRST_USER_ID + n;
        String message = """
                {"update_id":%d,"message":{"message_id":%d,"date":1763800000,
                 "from":{"id":%d,"is_bot":false,"first_name":"Chatty","language_code":"en"},
                 "chat":{"id":%d,"type":"private","first_name":"Chatty"},"text":"hello, is the shop open?"}}"""
                .formatted(updateId, n + 1, user, user);
        synchronized (delivered) {
            delivered.add(deliveries.submit(() -> telegram.deliver(updateId, message, Duration.ofMinutes(3))));
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        deliveries.shutdownNow();
    }
}

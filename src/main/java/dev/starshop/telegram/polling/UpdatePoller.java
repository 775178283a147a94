package dev.starshop.telegram.polling;

import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.GetUpdates;
import dev.starshop.telegram.updates.UpdateInbox;
import dev.starshop.telegram.updates.UnreadableUpdate;
import dev.starshop.telegram.updates.UpdateSource;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Long polling for deployments without a public HTTPS URL. Each update goes through the same inbox
 * as the webhook, as the bytes Telegram sent ({@link BotApiClient#getUpdatesRaw}: never bound or
 * re-written, which would coerce wrong types), and is decoded there once; the offset moves past an update only after its transaction committed, so a crash means a
 * redelivery (a no-op), never a loss. An update that fails is tried again after
 * {@code starshop.telegram.polling.retry-pause}; after {@code starshop.telegram.polling.max-attempts}
 * the inbox parks it and the offset moves on, so it cannot stop the updates behind it.
 */
@Singleton
public class UpdatePoller {

    private static final Logger LOG = LoggerFactory.getLogger(UpdatePoller.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "pre_checkout_query", "shipping_query");
    private static final Duration STANDBY_WAIT = Duration.ofSeconds(5);

    private final BotApiClient client;
    private final UpdateInbox inbox;
    private final PollingOffsets offsets;
    private final PollingLeadership leadership;
    private final BotCredentials bot;
    private final int timeoutSeconds;
    private final Duration retryPause;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    UpdatePoller(BotApiClient client, UpdateInbox inbox, PollingOffsets offsets, PollingLeadership leadership,
                 BotCredentials bot,
                 @Value("${starshop.telegram.polling-timeout:25s}") Duration timeout,
                 @Value("${starshop.telegram.polling.retry-pause:5s}") Duration retryPause) {
        this.retryPause = retryPause;
        this.client = client;
        this.inbox = inbox;
        this.offsets = offsets;
        this.leadership = leadership;
        this.bot = bot;
        this.timeoutSeconds = (int) timeout.toSeconds();
    }

    public synchronized void start() {
        if (running.compareAndSet(false, true)) {
            thread = new Thread(this::run, "telegram-polling");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Whether this engine is the one polling (several may run; one leads). */
    public boolean isLeader() {
        return leadership.isLeader();
    }

    private void run() {
        while (running.get()) {
            try {
                if (leadership.tryLead(bot.botId())) {
                    pollOnce();
                } else {
                    Thread.sleep(STANDBY_WAIT.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Polling failed ({}); trying again shortly", e.getMessage());
                pause();
            }
        }
    }

    /** One getUpdates round: handle each update, then move the offset past it. */
    void pollOnce() {
        long offset = offsets.next(bot.botId());
        List<byte[]> updates = client.getUpdatesRaw(new GetUpdates(offset, 100, timeoutSeconds, ALLOWED_UPDATES));
        boolean skipped = false;
        for (byte[] update : updates) {
            UpdateInbox.Receipt receipt;
            try {
                receipt = inbox.receive(update, UpdateSource.POLLING, false);
            } catch (UnreadableUpdate unreadable) {
                if (unreadable.updateId() != null) {
                    throw unreadable; // counted by the inbox; tried again until it is parked
                }
                // Nothing to count it by or to move the offset past; the updates after it move it on.
                LOG.error("getUpdates answered an update without an integer update_id; it is skipped");
                skipped = true;
                continue;
            }
            offsets.advance(bot.botId(), receipt.updateId() + 1);
        }
        if (skipped) {
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    synchronized void stop() {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
        }
        leadership.release();
    }
}

package dev.starshop.telegram.polling;

import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.GetUpdates;
import dev.starshop.telegram.updates.UpdateInbox;
import dev.starshop.telegram.updates.UpdateSource;
import dev.starshop.telegram.updates.WholeNumbers;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Long polling for deployments without a public HTTPS URL. Each update goes through the same inbox
 * as the webhook, as the JSON Telegram sent (never bound and re-written, which would coerce wrong
 * types); the offset moves past an update only after its transaction committed, so a crash means a
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
    private final JsonMapper json;
    private final int timeoutSeconds;
    private final Duration retryPause;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    UpdatePoller(BotApiClient client, UpdateInbox inbox, PollingOffsets offsets, PollingLeadership leadership,
                 BotCredentials bot, JsonMapper json,
                 @Value("${starshop.telegram.polling-timeout:25s}") Duration timeout,
                 @Value("${starshop.telegram.polling.retry-pause:5s}") Duration retryPause) {
        this.retryPause = retryPause;
        this.client = client;
        this.inbox = inbox;
        this.offsets = offsets;
        this.leadership = leadership;
        this.bot = bot;
        this.json = json;
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
        List<JsonNode> updates = client.getUpdatesAsSent(new GetUpdates(offset, 100, timeoutSeconds, ALLOWED_UPDATES));
        boolean skipped = false;
        for (JsonNode update : updates) {
            JsonNode updateId = update.isObject() ? update.get("update_id") : null;
            if (!WholeNumbers.isWholeLong(updateId)) {
                // Nothing to count it by or to move the offset past; the updates after it move it on.
                LOG.error("getUpdates answered an update without an integer update_id; it is skipped");
                skipped = true;
                continue;
            }
            inbox.receive(bytes(update), UpdateSource.POLLING, false);
            offsets.advance(bot.botId(), updateId.getLongValue() + 1);
        }
        if (skipped) {
            pause();
        }
    }

    private byte[] bytes(JsonNode update) {
        try {
            return json.writeValueAsBytes(update);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise an update", e);
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

package dev.starshop.telegram.polling;

import dev.starshop.telegram.BotCredentials;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.GetUpdates;
import dev.starshop.telegram.botapi.Update;
import dev.starshop.telegram.updates.UpdateInbox;
import dev.starshop.telegram.updates.UpdateSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
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
 * as the webhook; the offset moves past an update only after its transaction committed, so a crash
 * means a redelivery (a no-op), never a loss.
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
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    UpdatePoller(BotApiClient client, UpdateInbox inbox, PollingOffsets offsets, PollingLeadership leadership,
                 BotCredentials bot, JsonMapper json,
                 @Value("${starshop.telegram.polling-timeout:25s}") Duration timeout) {
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
        List<Update> updates = client.getUpdates(new GetUpdates(offset, 100, timeoutSeconds, ALLOWED_UPDATES));
        for (Update update : updates) {
            inbox.receive(bytes(update), UpdateSource.POLLING, false);
            offsets.advance(bot.botId(), update.updateId() + 1);
        }
    }

    private byte[] bytes(Update update) {
        try {
            return json.writeValueAsBytes(update);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise update " + update.updateId(), e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(STANDBY_WAIT.toMillis());
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

package dev.starshop.telegram.outbox;

import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.BotApiException;
import dev.starshop.telegram.botapi.BotApiUnavailableException;
import dev.starshop.telegram.botapi.SendMessage;
import dev.starshop.telegram.updates.OutboxNudge;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends committed outbox messages: right after a commit when nudged, and on a timer for retries.
 * At most once: a row is claimed before the call, and a call whose outcome is unknown is not repeated.
 */
@Singleton
class OutboxSender implements OutboxNudge {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;
    static final int MAX_ATTEMPTS = 10;

    private final OutboxRepository outbox;
    private final BotApiClient client;
    private final JsonMapper json;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "bot-outbox"));
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxSender(OutboxRepository outbox, BotApiClient client, JsonMapper json,
                 TransactionOperations<Connection> transactions, Clock clock) {
        this.outbox = outbox;
        this.client = client;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Coalesces nudges: one drain queued at a time is enough to pick up every committed row. */
    @Override
    public void nudge() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                drain();
            });
        }
    }

    /** The first tick also waits one interval: a long interval means no sweep at all in the meantime. */
    @Scheduled(fixedDelay = "${starshop.telegram.outbox-interval:5s}",
            initialDelay = "${starshop.telegram.outbox-interval:5s}")
    void tick() {
        nudge();
    }

    /** Sends everything due now; returns how many calls were made. */
    int drain() {
        int sent = 0;
        List<OutboxRepository.OutboxEntry> batch;
        do {
            batch = transactions.executeWrite(status -> outbox.claimDue(clock.instant(), BATCH));
            batch.forEach(this::send);
            sent += batch.size();
        } while (batch.size() == BATCH);
        return sent;
    }

    private void send(OutboxRepository.OutboxEntry entry) {
        try {
            client.sendMessage(json.readValue(entry.payload(), SendMessage.class));
            record(entry, OutboxStatus.SENT, null);
        } catch (BotApiException e) {
            boolean worthRetrying = e.kind() == BotApiException.Kind.TOO_MANY_REQUESTS
                    || e.kind() == BotApiException.Kind.SERVER_ERROR;
            retryOrFail(entry, worthRetrying, e.getMessage());
        } catch (BotApiUnavailableException e) {
            if (e.reason() == BotApiUnavailableException.Reason.TIMEOUT) {
                record(entry, OutboxStatus.UNKNOWN, e.getMessage());
            } else {
                retryOrFail(entry, true, e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Outbox entry {} could not be sent", entry.dedupeKey(), e);
            record(entry, OutboxStatus.FAILED, e.getClass().getSimpleName());
        }
    }

    private void retryOrFail(OutboxRepository.OutboxEntry entry, boolean worthRetrying, String error) {
        if (!worthRetrying || entry.attempts() >= MAX_ATTEMPTS) {
            record(entry, OutboxStatus.FAILED, error);
            return;
        }
        Duration delay = Duration.ofSeconds(5L << Math.min(entry.attempts() - 1, 7));
        transactions.executeWrite(status -> {
            outbox.retryAt(entry.id(), clock.instant().plus(delay), error);
            return null;
        });
    }

    private void record(OutboxRepository.OutboxEntry entry, OutboxStatus status, String error) {
        transactions.executeWrite(s -> {
            outbox.finish(entry.id(), status, clock.instant(), error);
            return null;
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

package dev.starshop.telegram.outbox;

import dev.starshop.platform.CoalescingWorker;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.BotApiException;
import dev.starshop.telegram.botapi.BotApiUnavailableException;
import dev.starshop.telegram.botapi.SendMessage;
import dev.starshop.telegram.updates.OutboxNudge;
import io.micronaut.context.annotation.Value;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends committed outbox messages: right after a commit when nudged, and on a timer for retries.
 * At most once: a row is claimed before the call, and a call whose outcome is unknown is not repeated.
 * Shutdown is orderly (see {@link #stop()}): no row this engine claimed is left SENDING.
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
    private final Duration shutdownWait;
    private final CoalescingWorker worker = new CoalescingWorker("bot-outbox", this::drain);
    /** Rows this engine claimed whose outcome is not recorded yet; {@link #calling} is the one on the wire. */
    private final Map<Long, OutboxRepository.OutboxEntry> claimed = new ConcurrentHashMap<>();
    private final AtomicReference<OutboxRepository.OutboxEntry> calling = new AtomicReference<>();

    OutboxSender(OutboxRepository outbox, BotApiClient client, JsonMapper json,
                 TransactionOperations<Connection> transactions, Clock clock,
                 @Value("${starshop.telegram.outbox-shutdown-wait:5s}") Duration shutdownWait) {
        this.outbox = outbox;
        this.client = client;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
        this.shutdownWait = shutdownWait;
    }

    /** Coalesces nudges: one drain queued at a time is enough to pick up every committed row. */
    @Override
    public void nudge() {
        worker.nudge();
    }

    /** The first tick also waits one interval: a long interval means no sweep at all in the meantime. */
    @Scheduled(fixedDelay = "${starshop.telegram.outbox-interval:5s}",
            initialDelay = "${starshop.telegram.outbox-interval:5s}")
    void tick() {
        nudge();
    }

    /** Sends everything due now, or until shutdown begins; returns how many calls were made. */
    int drain() {
        int sent = 0;
        List<OutboxRepository.OutboxEntry> batch;
        do {
            if (worker.stopping()) {
                break;
            }
            batch = transactions.executeWrite(status -> outbox.claimDue(clock.instant(), BATCH));
            batch.forEach(entry -> claimed.put(entry.id(), entry));
            sent += sendClaimed(batch);
        } while (batch.size() == BATCH);
        return sent;
    }

    /**
     * Calls each row in turn. Once shutdown begins, or if recording an outcome failed, the rows not
     * called go back to PENDING (as far as the database lets us).
     */
    private int sendClaimed(List<OutboxRepository.OutboxEntry> batch) {
        int sent = 0;
        try {
            for (OutboxRepository.OutboxEntry entry : batch) {
                if (worker.stopping()) {
                    break;
                }
                calling.set(entry);
                try {
                    send(entry);
                } finally {
                    calling.set(null);
                    claimed.remove(entry.id());
                }
                sent++;
            }
        } finally {
            release(batch.stream().filter(entry -> claimed.containsKey(entry.id())).toList());
        }
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
            outbox.retryAt(entry, clock.instant().plus(delay), error);
            return null;
        });
    }

    private void record(OutboxRepository.OutboxEntry entry, OutboxStatus status, String error) {
        transactions.executeWrite(s -> {
            outbox.finish(entry, status, clock.instant(), error);
            return null;
        });
    }

    /** Rows claimed but never called go back to PENDING, as due as they were. */
    private void release(List<OutboxRepository.OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        transactions.executeWrite(status -> {
            entries.forEach(outbox::release);
            return null;
        });
        entries.forEach(entry -> claimed.remove(entry.id()));
    }

    /**
     * Runs before the connection pool closes (this bean depends on it). Nudges are ignored from now
     * on; the call in flight gets {@code starshop.telegram.outbox-shutdown-wait} to finish and record
     * its outcome, and the worker hands back the rows it claimed but did not call. A call still
     * running after the wait is marked UNKNOWN (Telegram may have delivered it: not repeated; what
     * the worker sees later is our own teardown cutting the call, so a claim settles once and the
     * first word counts), and its unsent batch is handed back from here.
     */
    @PreDestroy
    void stop() {
        if (worker.stop(shutdownWait)) {
            return;
        }
        OutboxRepository.OutboxEntry running = calling.get();
        LOG.warn("Outbox still busy {} after shutdown began; settling its {} claimed row(s) without it",
                shutdownWait, claimed.size());
        try {
            if (running != null) {
                claimed.remove(running.id());
                record(running, OutboxStatus.UNKNOWN, "the engine stopped during the call");
            }
            release(List.copyOf(claimed.values()));
        } catch (RuntimeException e) {
            LOG.warn("Outbox rows claimed at shutdown could not be settled: {}", e.getMessage());
        }
    }
}

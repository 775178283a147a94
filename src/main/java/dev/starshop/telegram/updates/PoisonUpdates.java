package dev.starshop.telegram.updates;

import dev.starshop.platform.problem.DatabaseFault;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one update that fails every time from holding back the ones after it. Failed attempts are
 * counted per update_id; at the source's maximum the update is parked ({@link ParkedUpdates}, its
 * own transaction) and then acknowledged: the webhook answers 200, polling moves the offset on.
 * Nothing is lost (the exact bytes are kept for an operator) and nothing blocks.
 * <p>
 * A database that cannot be reached is not the update's fault: such failures are not counted, and
 * nothing can be parked then anyway. Counts live in memory, so a refused update still writes
 * nothing until it is parked; a restart or another engine starts its count again, which delays
 * parking by at most the maximum per engine start.
 */
@Singleton
class PoisonUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(PoisonUpdates.class);
    /** Failing updates tracked at once; past it the counts start again (parking is delayed, not lost). */
    private static final int TRACKED = 10_000;
    private static final int REASON_MAX = 500;

    private final ParkedUpdates parked;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final int webhookMaxAttempts;
    private final int pollingMaxAttempts;
    private final Map<Long, Integer> failures = new ConcurrentHashMap<>();
    private final Counter parkedCount;

    PoisonUpdates(ParkedUpdates parked, TransactionOperations<Connection> transactions, Clock clock,
                  MeterRegistry meters,
                  @Value("${starshop.telegram.webhook.max-attempts:5}") int webhookMaxAttempts,
                  @Value("${starshop.telegram.polling.max-attempts:5}") int pollingMaxAttempts) {
        if (webhookMaxAttempts < 1 || pollingMaxAttempts < 1) {
            throw new IllegalArgumentException("starshop.telegram.webhook.max-attempts and "
                    + "starshop.telegram.polling.max-attempts must be at least 1");
        }
        this.parked = parked;
        this.transactions = transactions;
        this.clock = clock;
        this.webhookMaxAttempts = webhookMaxAttempts;
        this.pollingMaxAttempts = pollingMaxAttempts;
        this.parkedCount = Counter.builder("starshop.telegram.updates.parked")
                .description("Updates parked after failing every attempt").register(meters);
    }

    /**
     * Counts a failed attempt. True when it was the last one allowed and the update is now parked
     * (committed): the caller acknowledges it. False: the caller lets the failure through, so the
     * update comes again.
     */
    boolean parkAfter(long updateId, UpdateSource source, String kind, byte[] payload, RuntimeException failure) {
        if (isTransient(failure)) {
            return false;
        }
        if (alreadyParked(updateId)) {
            LOG.info("Update {} failed again but is parked already; acknowledged again", updateId);
            return true;
        }
        if (failures.size() >= TRACKED) {
            failures.clear();
        }
        int attempts = failures.merge(updateId, 1, Integer::sum);
        if (attempts < maxAttempts(source)) {
            return false;
        }
        String problem = failure instanceof ProblemException known ? known.code().slug() : ProblemCode.INTERNAL_ERROR.slug();
        String reason = reason(failure);
        try {
            transactions.executeWrite(status -> {
                parked.park(new ParkedUpdates.ParkedUpdate(updateId, source, kind, attempts, problem, reason,
                        payload, clock.instant()));
                return null;
            });
        } catch (RuntimeException notParked) {
            LOG.warn("Update {} failed {} times but could not be parked ({}); it will come again",
                    updateId, attempts, notParked.getClass().getSimpleName());
            return false;
        }
        failures.remove(updateId);
        parkedCount.increment();
        LOG.error("Update {} ({}, {}) failed {} times and is parked; the updates after it go on. Last failure: {} {}."
                + " See GET /api/admin/updates/parked", updateId, kind, source, attempts, problem, reason);
        return true;
    }

    /** A parked update delivered again (its acknowledgement was lost) is acknowledged at once. */
    private boolean alreadyParked(long updateId) {
        try {
            return transactions.executeRead(status -> parked.isParked(updateId));
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    /** The update went through: forget its failures, if it had any. */
    void succeeded(long updateId) {
        if (!failures.isEmpty()) {
            failures.remove(updateId);
        }
    }

    private int maxAttempts(UpdateSource source) {
        return source == UpdateSource.WEBHOOK ? webhookMaxAttempts : pollingMaxAttempts;
    }

    private static boolean isTransient(RuntimeException failure) {
        if (failure instanceof ProblemException known) {
            return known.code().status().getCode() == 503;
        }
        return DatabaseFault.classify(failure) == DatabaseFault.UNAVAILABLE;
    }

    /**
     * The failure's own message: problem details name the field, never its value; other exceptions
     * say what failed (SQL text without values, a class name). The update's content, which may hold
     * a buyer's address or phone number, is never logged.
     */
    private static String reason(RuntimeException failure) {
        String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failure instanceof ProblemException) {
            message = failure.getMessage();
        }
        return message.length() <= REASON_MAX ? message : message.substring(0, REASON_MAX) + "…";
    }
}

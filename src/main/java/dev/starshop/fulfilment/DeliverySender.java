package dev.starshop.fulfilment;

import dev.starshop.fulfilment.DeliveryRepository.Claim;
import dev.starshop.platform.CoalescingWorker;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends committed deliveries, one claim at a time: claim (commit: SENDING, attempts + 1, a lease),
 * call Telegram outside any transaction, settle (commit: SENT, PENDING again later, or FAILED).
 * Woken after each payment and on a timer for retries. See docs/fulfilment.md, "Exactly once".
 */
@Singleton
class DeliverySender implements DeliveryNudge {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySender.class);

    private final DeliveryRepository deliveries;
    private final DeliveryWork work;
    private final DeliverySettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final CoalescingWorker worker = new CoalescingWorker("deliveries", this::drain);

    DeliverySender(DeliveryRepository deliveries, DeliveryWork work, DeliverySettings settings,
                   TransactionOperations<Connection> transactions, Clock clock) {
        this.deliveries = deliveries;
        this.work = work;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Coalesces nudges: one drain queued at a time picks up every committed delivery. */
    @Override
    public void nudge() {
        worker.nudge();
    }

    @Scheduled(fixedDelay = "${starshop.fulfilment.delivery.interval:2s}",
            initialDelay = "${starshop.fulfilment.delivery.interval:2s}")
    void tick() {
        nudge();
    }

    /** Sends everything due now; returns how many claims were worked. */
    int drain() {
        int worked = 0;
        while (!worker.stopping()) {
            Optional<Claim> claim;
            try {
                claim = transactions.executeWrite(status -> claimNext());
            } catch (RuntimeException e) {
                LOG.warn("Deliveries could not be claimed: {}", e.getMessage());
                return worked;
            }
            if (claim.isEmpty()) {
                return worked;
            }
            work.send(claim.get());
            worked++;
        }
        return worked;
    }

    private Optional<Claim> claimNext() {
        Instant now = clock.instant();
        return deliveries.claimNext(now, now.plus(settings.lease()));
    }

    /** No new claim after this; the one in flight gets a few seconds to settle (else its lease runs out). */
    @PreDestroy
    void stop() {
        worker.stop(Duration.ofSeconds(5));
    }
}

package dev.starshop.checkout;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;

/**
 * Publishes {@code subscription.expired} once for each subscription whose paid period ended without
 * a renewal, in the transaction that marks the lapse announced (docs/events.md).
 */
@Singleton
class SubscriptionExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionExpiry.class);
    private static final int BATCH = 100;

    private final SubscriptionRepository subscriptions;
    private final SubscriptionEvents events;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    SubscriptionExpiry(SubscriptionRepository subscriptions, SubscriptionEvents events,
                       TransactionOperations<Connection> transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${starshop.checkout.subscription-expiry-interval:1m}",
            initialDelay = "${starshop.checkout.subscription-expiry-interval:1m}")
    void sweep() {
        try {
            int published;
            do {
                published = transactions.executeWrite(status -> {
                    List<Subscription> lapsed = subscriptions.takeLapsed(clock.instant(), BATCH);
                    lapsed.forEach(events::expired);
                    return lapsed.size();
                });
            } while (published == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Lapsed subscriptions could not be announced this round: {}", e.getMessage());
        }
    }
}

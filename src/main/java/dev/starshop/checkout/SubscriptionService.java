package dev.starshop.checkout;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.EditUserStarSubscription;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Subscriptions as buyers and operators see them. Cancelling stops future renewals at Telegram
 * (editUserStarSubscription); the paid period runs to its end. Re-enabling undoes that.
 */
@Singleton
class SubscriptionService {

    private static final int ADMIN_LIST_LIMIT = 200;

    private final SubscriptionRepository subscriptions;
    private final BotApiClient telegram;
    private final TransactionOperations<Connection> transactions;
    private final SubscriptionEvents events;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository subscriptions, BotApiClient telegram,
                        TransactionOperations<Connection> transactions, SubscriptionEvents events, Clock clock) {
        this.subscriptions = subscriptions;
        this.telegram = telegram;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    List<Subscription> forBuyer(long buyerId) {
        return transactions.executeRead(status -> subscriptions.forBuyer(buyerId));
    }

    List<Subscription> all() {
        return transactions.executeRead(status -> subscriptions.all(ADMIN_LIST_LIMIT));
    }

    /** Telegram first, then our record: a failed call leaves both as they were. */
    Subscription setCancelled(UUID id, boolean cancelled, Long requiredBuyer) {
        Subscription subscription = transactions.executeRead(status -> subscriptions.byId(id))
                .filter(s -> requiredBuyer == null || s.buyerId() == requiredBuyer)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "No subscription " + id));
        telegram.editUserStarSubscription(new EditUserStarSubscription(subscription.buyerId(),
                subscription.firstChargeId(), cancelled));
        return transactions.executeWrite(status -> {
            subscriptions.setCancelled(id, cancelled, clock.instant());
            Subscription changed = subscriptions.byId(id).orElseThrow();
            if (cancelled && !subscription.cancelled()) {
                events.cancelled(changed);
            }
            return changed;
        });
    }
}

package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's side of the money: every charge by its telegram_payment_charge_id, the Stars
 * transaction history getStarTransactions returns, and subscription state. Writes are
 * synchronized so a refund and its history entry can never be seen half done.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class StarBook {

    /**
     * A history entry; a refund reuses the id of the payment it reverses, as Telegram's do.
     * {@code partnerType} is "user" except for a chargeback, whose receiver is "other".
     */
    record Entry(String id, long amount, long date, boolean incoming, long userId, String payload,
                 Long subscriptionPeriod, String partnerType) {
    }

    /** A subscription identified by the charge id of its first payment. */
    record Subscription(String firstChargeId, long userId, long amount, String payload, long period,
                        long expiresAt, boolean canceled) {
        Subscription renewed(long newExpiry) {
            return new Subscription(firstChargeId, userId, amount, payload, period, newExpiry, canceled);
        }

        Subscription withCanceled(boolean value) {
            return new Subscription(firstChargeId, userId, amount, payload, period, expiresAt, value);
        }
    }

    private final Map<String, Charge> charges = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final List<Entry> history = new ArrayList<>();
    private final java.util.Set<String> refunded = ConcurrentHashMap.newKeySet();

    synchronized void recordPayment(Charge charge) {
        charges.put(charge.telegramChargeId(), charge);
        if (charge.isStars()) {
            history.add(new Entry(charge.telegramChargeId(), charge.totalAmount(), charge.date(), true,
                    charge.userId(), charge.invoicePayload(), charge.subscriptionPeriod(), "user"));
        }
    }

    synchronized void startSubscription(Subscription subscription) {
        subscriptions.put(subscription.firstChargeId(), subscription);
    }

    synchronized void putSubscription(Subscription subscription) {
        subscriptions.put(subscription.firstChargeId(), subscription);
    }

    Optional<Subscription> subscription(String firstChargeId) {
        return Optional.ofNullable(subscriptions.get(firstChargeId));
    }

    Optional<Charge> charge(String telegramChargeId) {
        return Optional.ofNullable(charges.get(telegramChargeId));
    }

    /** Marks the charge refunded; false when it already was. */
    synchronized boolean recordRefund(Charge charge, long date) {
        if (!refunded.add(charge.telegramChargeId())) {
            return false;
        }
        history.add(new Entry(charge.telegramChargeId(), charge.totalAmount(), date, false,
                charge.userId(), charge.invoicePayload(), charge.subscriptionPeriod(), "user"));
        return true;
    }

    /**
     * Telegram takes a payment's Stars back from the bot (a dispute): an outgoing entry with the
     * payment's id and a receiver of type "other". No update is sent, as none is by Telegram.
     */
    synchronized boolean recordChargeback(Charge charge, long date) {
        if (!refunded.add(charge.telegramChargeId())) {
            return false;
        }
        history.add(new Entry(charge.telegramChargeId(), charge.totalAmount(), date, false,
                charge.userId(), charge.invoicePayload(), charge.subscriptionPeriod(), "other"));
        return true;
    }

    synchronized List<Entry> history() {
        return List.copyOf(history);
    }

    /** Stars received minus Stars refunded (Telegram's withdrawal hold is not modelled). */
    synchronized long balance() {
        return history.stream().mapToLong(e -> e.incoming() ? e.amount() : -e.amount()).sum();
    }

    synchronized void clear() {
        charges.clear();
        subscriptions.clear();
        history.clear();
        refunded.clear();
    }
}

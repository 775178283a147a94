package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bot's side of the money: every charge by its telegram_payment_charge_id, the Stars
 * transaction history getStarTransactions returns, and subscription state. Writes are
 * synchronized so a refund and its history entry can never be seen half done.
 *
 * <p>Bounded by {@code star-history-size}: the history keeps the newest entries, and charges,
 * refund marks and subscriptions the newest of each, so a long run cannot fill the heap. The
 * balance is a running sum, not a sum over what is kept.
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

    private final Map<String, Charge> charges;
    private final Map<String, Subscription> subscriptions;
    private final Set<String> refunded;
    private final Ring<Entry> history;
    private long balance;

    StarBook(SandboxSettings settings) {
        int keep = settings.starHistorySize();
        this.charges = Ring.boundedMap(keep);
        this.subscriptions = Ring.boundedMap(keep);
        this.refunded = Collections.newSetFromMap(Ring.boundedMap(keep));
        this.history = new Ring<>(keep);
    }

    synchronized void recordPayment(Charge charge) {
        charges.put(charge.telegramChargeId(), charge);
        if (charge.isStars()) {
            append(new Entry(charge.telegramChargeId(), charge.totalAmount(), charge.date(), true,
                    charge.userId(), charge.invoicePayload(), charge.subscriptionPeriod(), "user"));
        }
    }

    synchronized void startSubscription(Subscription subscription) {
        subscriptions.put(subscription.firstChargeId(), subscription);
    }

    synchronized void putSubscription(Subscription subscription) {
        subscriptions.put(subscription.firstChargeId(), subscription);
    }

    synchronized Optional<Subscription> subscription(String firstChargeId) {
        return Optional.ofNullable(subscriptions.get(firstChargeId));
    }

    synchronized Optional<Charge> charge(String telegramChargeId) {
        return Optional.ofNullable(charges.get(telegramChargeId));
    }

    /** Marks the charge refunded; false when it already was. */
    synchronized boolean recordRefund(Charge charge, long date) {
        if (!refunded.add(charge.telegramChargeId())) {
            return false;
        }
        append(new Entry(charge.telegramChargeId(), charge.totalAmount(), date, false,
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
        append(new Entry(charge.telegramChargeId(), charge.totalAmount(), date, false,
                charge.userId(), charge.invoicePayload(), charge.subscriptionPeriod(), "other"));
        return true;
    }

    private void append(Entry entry) {
        history.add(entry);
        balance += entry.incoming() ? entry.amount() : -entry.amount();
    }

    synchronized List<Entry> history() {
        return history.all();
    }

    /** A page of the kept history, oldest first; entries dropped by the bound are not counted. */
    synchronized List<Entry> history(long offset, long limit) {
        return history.page(offset, limit);
    }

    /** Stars received minus Stars refunded (Telegram's withdrawal hold is not modelled). */
    synchronized long balance() {
        return balance;
    }

    synchronized Map<String, Integer> sizes() {
        return Map.of("starTransactions", history.size(), "charges", charges.size(),
                "subscriptions", subscriptions.size(), "refundMarks", refunded.size());
    }

    synchronized void clear() {
        charges.clear();
        subscriptions.clear();
        history.clear();
        refunded.clear();
        balance = 0;
    }
}

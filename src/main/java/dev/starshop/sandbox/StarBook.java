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
     * {@code partnerType} is "user" except for a chargeback, whose receiver is "other". A seeded
     * entry ({@link StarSeeds}) carries its partner as Telegram's JSON in {@code partner} and may
     * have {@code nanos} (nanostar_amount); invoice entries have neither.
     */
    record Entry(String id, long amount, long nanos, long date, boolean incoming, long userId, String payload,
                 Long subscriptionPeriod, String partnerType, Map<String, Object> partner) {

        Entry(String id, long amount, long date, boolean incoming, long userId, String payload,
              Long subscriptionPeriod, String partnerType) {
            this(id, amount, 0, date, incoming, userId, payload, subscriptionPeriod, partnerType, null);
        }

        long nanostars() {
            return amount * StarSeeds.NANOS + nanos;
        }
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
    private final Map<String, Map<String, Object>> withdrawalStates;
    /** In nanostars: Telegram's balance can hold fractions (affiliate commissions, API fees). */
    private long balance;

    StarBook(SandboxSettings settings) {
        int keep = settings.starHistorySize();
        this.charges = Ring.boundedMap(keep);
        this.subscriptions = Ring.boundedMap(keep);
        this.refunded = Collections.newSetFromMap(Ring.boundedMap(keep));
        this.history = new Ring<>(keep);
        this.withdrawalStates = Ring.boundedMap(keep);
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
        balance += entry.incoming() ? entry.nanostars() : -entry.nanostars();
    }

    /**
     * A seeded entry (paid media, gift, withdrawal, fee, …); an outgoing one needs the balance to
     * cover it, as Telegram's does. False when it does not.
     */
    synchronized boolean recordSeeded(Entry entry) {
        if (!entry.incoming() && balance < entry.nanostars()) {
            return false;
        }
        append(entry);
        if ("fragment".equals(entry.partnerType()) && !entry.incoming()) {
            withdrawalStates.put(entry.id(), Json.obj("type", "pending"));
        }
        return true;
    }

    /** A pending withdrawal's state, or null for an unknown or finished one. */
    synchronized Map<String, Object> withdrawalState(String id) {
        return withdrawalStates.get(id);
    }

    /** Fragment confirmed a pending withdrawal; false unless it was pending. */
    synchronized boolean withdrawalSucceeded(String id, long date, String url) {
        if (!isPending(id)) {
            return false;
        }
        withdrawalStates.put(id, Json.obj("type", "succeeded", "date", date, "url", url));
        return true;
    }

    /**
     * A pending withdrawal failed: its state becomes "failed" and Fragment's refund comes in as an
     * incoming entry with the same id (Telegram: "the transaction was refunded"), restoring the balance.
     */
    synchronized boolean withdrawalFailed(String id, long date) {
        if (!isPending(id)) {
            return false;
        }
        Entry out = history.all().stream().filter(e -> e.id().equals(id) && !e.incoming()).findFirst().orElseThrow();
        withdrawalStates.put(id, Json.obj("type", "failed"));
        append(new Entry(id, out.amount(), out.nanos(), date, true, 0, null, null, "fragment",
                Json.obj("type", "fragment")));
        return true;
    }

    private boolean isPending(String id) {
        Map<String, Object> state = withdrawalStates.get(id);
        return state != null && "pending".equals(state.get("type"));
    }

    synchronized List<Entry> history() {
        return history.all();
    }

    /** A page of the kept history, oldest first; entries dropped by the bound are not counted. */
    synchronized List<Entry> history(long offset, long limit) {
        return history.page(offset, limit);
    }

    /**
     * In nanostars: every incoming entry minus every outgoing one (payments, refunds, chargebacks,
     * seeded kinds); Telegram's withdrawal hold is not modelled.
     */
    synchronized long balanceNanostars() {
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
        withdrawalStates.clear();
        balance = 0;
    }
}

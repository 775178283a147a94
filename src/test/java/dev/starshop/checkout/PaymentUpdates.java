package dev.starshop.checkout;

import dev.starshop.support.TelegramUpdates;
import dev.starshop.support.TelegramUpdates.Update;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The invariants test's payment updates, from {@link TelegramUpdates}. Each call takes a fresh
 * {@code update_id}; {@link #redelivered} re-wraps an earlier message under a new one, which is
 * what Telegram does when the same charge reaches the bot twice.
 */
final class PaymentUpdates {

    /** Telegram's message date for every payment: the ledger keeps it as occurredAt, so a replay matches. */
    static final long DATE = 1763800000L;
    static final long SUBSCRIPTION_PERIOD = 2_592_000L;

    private final AtomicLong nextUpdate;

    PaymentUpdates(long firstUpdateId) {
        this.nextUpdate = new AtomicLong(firstUpdateId);
    }

    /** One update as sent: its id, the whole JSON body, and the update it was built from. */
    record Sent(long updateId, String json, Update update) {
    }

    Sent payment(long buyer, String currency, long total, String payload, String charge) {
        return sent(paid(buyer, currency, total, payload, charge)
                .providerCharge("XTR".equals(currency) ? "" : "ch_" + charge));
    }

    /** The first payment of a Stars subscription. */
    Sent firstSubscriptionPayment(long buyer, long total, String payload, String charge) {
        return sent(paid(buyer, "XTR", total, payload, charge).firstRecurring(DATE + SUBSCRIPTION_PERIOD));
    }

    /** A renewal: recurring, no is_first_recurring, the first order's payload, a new charge id. */
    Sent renewal(long buyer, long total, String firstPayload, String charge, int period) {
        return sent(paid(buyer, "XTR", total, firstPayload, charge).renewal(DATE + (period + 1) * SUBSCRIPTION_PERIOD));
    }

    Sent refunded(long buyer, long total, String payload, String charge) {
        return sent(TelegramUpdates.refundedPayment().updateId(nextUpdate.incrementAndGet()).date(DATE).buyer(buyer)
                .currency("XTR").total(total).payload(payload).charge(charge));
    }

    /** The same message (same charge, same date) under a new update_id. */
    Sent redelivered(Sent earlier) {
        return sent(earlier.update().redeliveredAs(nextUpdate.incrementAndGet()));
    }

    private Update paid(long buyer, String currency, long total, String payload, String charge) {
        return TelegramUpdates.successfulPayment().updateId(nextUpdate.incrementAndGet()).date(DATE).buyer(buyer)
                .currency(currency).total(total).payload(payload).charge(charge);
    }

    private static Sent sent(Update update) {
        return new Sent(update.updateId(), update.json(), update);
    }
}

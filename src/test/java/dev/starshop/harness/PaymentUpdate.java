package dev.starshop.harness;

import dev.starshop.support.TelegramUpdates;
import dev.starshop.support.TelegramUpdates.Update;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@code successful_payment} update as Telegram sends it for one Stars order: the payload is
 * the order id, the amount the order's total, the charge id unique to the payment.
 */
record PaymentUpdate(long updateId, String chargeId, UUID orderId, Update update) {

    /** Telegram's message date; the same on every redelivery, as Telegram keeps it. */
    private static final long DATE = 1763800000L;

    /** Hands out increasing update ids from a start, as Telegram does. */
    static final class Ids {
        private final AtomicLong next;

        Ids(long first) {
            this.next = new AtomicLong(first);
        }

        long next() {
            return next.getAndIncrement();
        }
    }

    static PaymentUpdate paying(PayableOrder order, String chargeId, long updateId) {
        Update update = TelegramUpdates.successfulPayment().updateId(updateId).date(DATE).buyer(order.buyer())
                .currency(order.currency()).total(order.totalAmount()).payload(order.id()).charge(chargeId);
        return new PaymentUpdate(updateId, chargeId, order.id(), update);
    }

    String json() {
        return update.json();
    }

    /** The same message under another update_id: Telegram can deliver one charge twice that way. */
    PaymentUpdate underNewId(long newUpdateId) {
        return new PaymentUpdate(newUpdateId, chargeId, orderId, update.redeliveredAs(newUpdateId));
    }
}

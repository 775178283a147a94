package dev.starshop.harness;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@code successful_payment} update as Telegram sends it for one Stars order: the payload is
 * the order id, the amount the order's total, the charge id unique to the payment.
 */
record PaymentUpdate(long updateId, String chargeId, UUID orderId, String json) {

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
        String json = """
                {"update_id":%d,"message":{"message_id":%d,"date":%d,\
                "from":{"id":%d,"is_bot":false,"first_name":"Buyer","language_code":"en"},\
                "chat":{"id":%d,"type":"private","first_name":"Buyer"},\
                "successful_payment":{"currency":"%s","total_amount":%d,"invoice_payload":"%s",\
                "telegram_payment_charge_id":"%s","provider_payment_charge_id":""}}}"""
                .formatted(updateId, updateId % 1_000_000 + 1, DATE, order.buyer(), order.buyer(), order.currency(),
                        order.totalAmount(), order.id(), chargeId);
        return new PaymentUpdate(updateId, chargeId, order.id(), json);
    }

    /** The same message under another update_id: Telegram can deliver one charge twice that way. */
    PaymentUpdate underNewId(long newUpdateId) {
        String message = json.substring(json.indexOf(",\"message\":"));
        return new PaymentUpdate(newUpdateId, chargeId, orderId, "{\"update_id\":" + newUpdateId + message);
    }
}

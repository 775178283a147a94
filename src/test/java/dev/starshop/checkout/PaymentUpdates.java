package dev.starshop.checkout;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Real-shaped Telegram payment updates for the invariants test. Each call takes a fresh
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

    /** One update as sent: its id, the whole JSON body, and the message inside it. */
    record Sent(long updateId, String json, String message) {
    }

    Sent payment(long buyer, String currency, long total, String payload, String charge) {
        return wrap(message(buyer, "successful_payment", """
                {"currency":"%s","total_amount":%d,"invoice_payload":"%s",\
                "telegram_payment_charge_id":"%s","provider_payment_charge_id":"%s"}"""
                .formatted(currency, total, payload, charge, provider(currency, charge))));
    }

    /** The first payment of a Stars subscription. */
    Sent firstSubscriptionPayment(long buyer, long total, String payload, String charge) {
        return wrap(message(buyer, "successful_payment", """
                {"currency":"XTR","total_amount":%d,"invoice_payload":"%s","telegram_payment_charge_id":"%s",\
                "provider_payment_charge_id":"","subscription_expiration_date":%d,"is_recurring":true,\
                "is_first_recurring":true}""".formatted(total, payload, charge, DATE + SUBSCRIPTION_PERIOD)));
    }

    /** A renewal: recurring, no is_first_recurring, the first order's payload, a new charge id. */
    Sent renewal(long buyer, long total, String firstPayload, String charge, int period) {
        return wrap(message(buyer, "successful_payment", """
                {"currency":"XTR","total_amount":%d,"invoice_payload":"%s","telegram_payment_charge_id":"%s",\
                "provider_payment_charge_id":"","subscription_expiration_date":%d,"is_recurring":true}"""
                .formatted(total, firstPayload, charge, DATE + (period + 1) * SUBSCRIPTION_PERIOD)));
    }

    Sent refunded(long buyer, long total, String payload, String charge) {
        return wrap(message(buyer, "refunded_payment", """
                {"currency":"XTR","total_amount":%d,"invoice_payload":"%s","telegram_payment_charge_id":"%s"}"""
                .formatted(total, payload, charge)));
    }

    /** The same message (same charge, same date) under a new update_id. */
    Sent redelivered(Sent earlier) {
        return wrap(earlier.message());
    }

    private Sent wrap(String message) {
        long id = nextUpdate.incrementAndGet();
        return new Sent(id, "{\"update_id\":" + id + ",\"message\":" + message + "}", message);
    }

    private String message(long buyer, String field, String body) {
        long messageId = nextUpdate.get() % 1_000_000 + 1;
        return """
                {"message_id":%d,"date":%d,\
                "from":{"id":%d,"is_bot":false,"first_name":"Buyer","language_code":"en"},\
                "chat":{"id":%d,"type":"private","first_name":"Buyer"},"%s":%s}"""
                .formatted(messageId, DATE, buyer, buyer, field, body);
    }

    private static String provider(String currency, String charge) {
        return "XTR".equals(currency) ? "" : "ch_" + charge;
    }
}

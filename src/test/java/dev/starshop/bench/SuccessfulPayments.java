package dev.starshop.bench;

import java.util.UUID;

/** Real-shaped successful_payment updates: one Stars payment of one order, as Telegram sends it. */
final class SuccessfulPayments {

    static final long DATE = 1763800000L;

    private SuccessfulPayments() {
    }

    static String update(long updateId, UUID orderId, String chargeId) {
        long buyer = PayableOrders.BUYER;
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":%d,\
                "from":{"id":%d,"is_bot":false,"first_name":"Buyer","language_code":"en"},\
                "chat":{"id":%d,"type":"private","first_name":"Buyer"},\
                "successful_payment":{"currency":"XTR","total_amount":%d,"invoice_payload":"%s",\
                "telegram_payment_charge_id":"%s","provider_payment_charge_id":""}}}"""
                .formatted(updateId, updateId % 1_000_000 + 1, DATE, buyer, buyer, PayableOrders.PRICE_STARS,
                        orderId, chargeId);
    }
}

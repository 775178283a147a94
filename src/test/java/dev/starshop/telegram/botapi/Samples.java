package dev.starshop.telegram.botapi;

/** Update JSON in the shape Telegram delivers it, with fields this client does not map. */
final class Samples {

    static final String SUCCESSFUL_PAYMENT_UPDATE = """
            {"update_id":10,"message":{"message_id":5,"date":1700000000,
             "from":{"id":42,"is_bot":false,"first_name":"Ada","language_code":"en","is_premium":true},
             "chat":{"id":42,"first_name":"Ada","username":"ada","type":"private"},
             "successful_payment":{"currency":"XTR","total_amount":250,"invoice_payload":"order:42",
               "subscription_expiration_date":1702592000,"is_recurring":true,"is_first_recurring":true,
               "telegram_payment_charge_id":"stxCharge1","provider_payment_charge_id":"",
               "a_field_from_the_future":1}}}""";

    static final String PRE_CHECKOUT_UPDATE = """
            {"update_id":11,"pre_checkout_query":{"id":"4242","currency":"XTR","total_amount":250,
             "from":{"id":42,"is_bot":false,"first_name":"Ada"},"invoice_payload":"order:42"}}""";

    private Samples() {
    }
}

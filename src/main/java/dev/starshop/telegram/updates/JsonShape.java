package dev.starshop.telegram.updates;

import io.micronaut.json.tree.JsonNode;

import java.util.Map;
import java.util.Optional;

/**
 * The JSON types of a Bot API object's fields, checked on the tree before the object is bound.
 * Micronaut Serialization 2.x reads leniently (true or 12 into a String, ["x"] as "x", "100" or
 * true into a long) and has no setting to refuse it (configurable coercion arrives with serde 3.2,
 * which needs Micronaut 5), so without this a charge id sent as true would be booked as charge
 * "true". Only the types of fields that are present are checked: an absent or null field is left
 * to the reader and the handlers, as before. Field lists follow Bot API 10.1.
 *
 * @param scalars the string, integer and boolean fields
 * @param objects the object fields, each with its own shape
 */
record JsonShape(Map<String, Type> scalars, Map<String, JsonShape> objects) {

    enum Type {
        STRING("a JSON string"), INTEGER("a JSON integer within 64 bits"), BOOLEAN("a JSON boolean");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        boolean matches(JsonNode value) {
            return switch (this) {
                case STRING -> value.isString();
                case INTEGER -> WholeNumbers.isWholeLong(value);
                case BOOLEAN -> value.isBoolean();
            };
        }
    }

    static final JsonShape USER = new JsonShape(Map.of("id", Type.INTEGER, "is_bot", Type.BOOLEAN,
            "first_name", Type.STRING, "last_name", Type.STRING, "username", Type.STRING,
            "language_code", Type.STRING, "is_premium", Type.BOOLEAN), Map.of());

    static final JsonShape CHAT = new JsonShape(Map.of("id", Type.INTEGER, "type", Type.STRING,
            "username", Type.STRING, "first_name", Type.STRING), Map.of());

    static final JsonShape SHIPPING_ADDRESS = new JsonShape(Map.of("country_code", Type.STRING,
            "state", Type.STRING, "city", Type.STRING, "street_line1", Type.STRING, "street_line2", Type.STRING,
            "post_code", Type.STRING), Map.of());

    static final JsonShape ORDER_INFO = new JsonShape(Map.of("name", Type.STRING, "phone_number", Type.STRING,
            "email", Type.STRING), Map.of("shipping_address", SHIPPING_ADDRESS));

    static final JsonShape SUCCESSFUL_PAYMENT = new JsonShape(Map.of("currency", Type.STRING,
            "total_amount", Type.INTEGER, "invoice_payload", Type.STRING,
            "subscription_expiration_date", Type.INTEGER, "is_recurring", Type.BOOLEAN,
            "is_first_recurring", Type.BOOLEAN, "shipping_option_id", Type.STRING,
            "telegram_payment_charge_id", Type.STRING, "provider_payment_charge_id", Type.STRING),
            Map.of("order_info", ORDER_INFO));

    static final JsonShape REFUNDED_PAYMENT = new JsonShape(Map.of("currency", Type.STRING,
            "total_amount", Type.INTEGER, "invoice_payload", Type.STRING,
            "telegram_payment_charge_id", Type.STRING, "provider_payment_charge_id", Type.STRING), Map.of());

    /**
     * Every message, whatever it carries: the classifier reads its text and chat type, a command's
     * reply goes to its chat and names its sender, and a payment is recorded with both.
     */
    static final JsonShape MESSAGE = new JsonShape(Map.of("message_id", Type.INTEGER, "date", Type.INTEGER,
            "text", Type.STRING), Map.of("from", USER, "chat", CHAT, "successful_payment", SUCCESSFUL_PAYMENT,
                    "refunded_payment", REFUNDED_PAYMENT));

    static final JsonShape PRE_CHECKOUT_QUERY = new JsonShape(Map.of("id", Type.STRING, "currency", Type.STRING,
            "total_amount", Type.INTEGER, "invoice_payload", Type.STRING, "shipping_option_id", Type.STRING),
            Map.of("from", USER, "order_info", ORDER_INFO));

    static final JsonShape SHIPPING_QUERY = new JsonShape(Map.of("id", Type.STRING, "invoice_payload", Type.STRING),
            Map.of("from", USER, "shipping_address", SHIPPING_ADDRESS));

    /**
     * What is wrong with the first field that does not have its type, e.g.
     * "successful_payment.total_amount must be a JSON integer within 64 bits"; empty when none.
     */
    Optional<String> mismatch(JsonNode node, String path) {
        if (!node.isObject()) {
            return Optional.of(path + " must be a JSON object");
        }
        for (Map.Entry<String, Type> field : scalars.entrySet()) {
            JsonNode value = node.get(field.getKey());
            if (value != null && !value.isNull() && !field.getValue().matches(value)) {
                return Optional.of(path + "." + field.getKey() + " must be " + field.getValue().description);
            }
        }
        for (Map.Entry<String, JsonShape> field : objects.entrySet()) {
            JsonNode value = node.get(field.getKey());
            Optional<String> inner = value == null || value.isNull() ? Optional.empty()
                    : field.getValue().mismatch(value, path + "." + field.getKey());
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }
}

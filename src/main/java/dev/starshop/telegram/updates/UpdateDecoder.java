package dev.starshop.telegram.updates;

import dev.starshop.telegram.botapi.Chat;
import dev.starshop.telegram.botapi.Message;
import dev.starshop.telegram.botapi.OrderInfo;
import dev.starshop.telegram.botapi.PreCheckoutQuery;
import dev.starshop.telegram.botapi.RefundedPayment;
import dev.starshop.telegram.botapi.ShippingAddress;
import dev.starshop.telegram.botapi.ShippingQuery;
import dev.starshop.telegram.botapi.SuccessfulPayment;
import dev.starshop.telegram.botapi.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one place an update's bytes are read, for the webhook and for long polling alike: JSON to
 * Telegram's typed records, strictly ({@link StrictObject}: wrong JSON types, fractions and numbers
 * beyond 64 bits are refused, never coerced). Field names follow Bot API 10.1. Nothing after this
 * parses the update again: the classifier, the handlers and the domains work on what it returns.
 */
@Singleton
class UpdateDecoder {

    private final JsonMapper json;
    /** How many bodies were decoded; each update is decoded once per delivery (UpdateDecodedOnceTest). */
    private final LongAdder decodes = new LongAdder();

    UpdateDecoder(JsonMapper json) {
        this.json = json;
    }

    DecodedUpdate decode(byte[] raw) {
        decodes.increment();
        JsonNode update = tree(raw);
        Long updateId = StrictObject.root(update).wholeOrNull("update_id");
        if (updateId == null) {
            throw new UnreadableUpdate("The update has no integer update_id");
        }
        String field = firstField(update);
        try {
            return body(StrictObject.root(update), updateId, field);
        } catch (UnreadableUpdate wrong) {
            throw new UnreadableUpdate(updateId, field, "Update " + updateId + ": " + wrong.getMessage());
        }
    }

    long decodes() {
        return decodes.sum();
    }

    private JsonNode tree(byte[] raw) {
        if (JsonNesting.deeperThan(raw, JsonNesting.MAX_DEPTH)) {
            throw new UnreadableUpdate("The update nests deeper than " + JsonNesting.MAX_DEPTH + " levels");
        }
        JsonNode update;
        try {
            update = json.readValue(raw, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableUpdate("The update is not JSON");
        }
        if (update == null || !update.isObject()) {
            throw new UnreadableUpdate("The update has no integer update_id");
        }
        return update;
    }

    /** Telegram sends one kind per update; should two come, the queries take precedence, as they wait for us. */
    private static DecodedUpdate body(StrictObject update, long updateId, String field) {
        StrictObject preCheckout = update.optObject("pre_checkout_query");
        if (preCheckout != null) {
            return new DecodedUpdate(updateId, field, null, preCheckoutQuery(preCheckout), null);
        }
        StrictObject shipping = update.optObject("shipping_query");
        if (shipping != null) {
            return new DecodedUpdate(updateId, field, null, null, shippingQuery(shipping));
        }
        StrictObject message = update.optObject("message");
        return new DecodedUpdate(updateId, field, message == null ? null : message(message), null, null);
    }

    private static Message message(StrictObject m) {
        return new Message(m.integer("message_id"), user(m.optObject("from")), m.integer("date"), chat(m.object("chat")),
                m.optString("text"), null, successfulPayment(m.optObject("successful_payment")),
                refundedPayment(m.optObject("refunded_payment")));
    }

    private static PreCheckoutQuery preCheckoutQuery(StrictObject q) {
        return new PreCheckoutQuery(q.string("id"), user(q.object("from")), q.string("currency"),
                q.integer("total_amount"), q.string("invoice_payload"), q.optString("shipping_option_id"),
                orderInfo(q.optObject("order_info")));
    }

    private static ShippingQuery shippingQuery(StrictObject q) {
        return new ShippingQuery(q.string("id"), user(q.object("from")), q.string("invoice_payload"),
                shippingAddress(q.object("shipping_address")));
    }

    @Nullable
    private static SuccessfulPayment successfulPayment(@Nullable StrictObject p) {
        return p == null ? null : new SuccessfulPayment(p.string("currency"), p.integer("total_amount"),
                p.string("invoice_payload"), p.optInteger("subscription_expiration_date"), p.optBool("is_recurring"),
                p.optBool("is_first_recurring"), p.optString("shipping_option_id"), orderInfo(p.optObject("order_info")),
                p.string("telegram_payment_charge_id"), p.optString("provider_payment_charge_id"));
    }

    @Nullable
    private static RefundedPayment refundedPayment(@Nullable StrictObject p) {
        return p == null ? null : new RefundedPayment(p.string("currency"), p.integer("total_amount"),
                p.string("invoice_payload"), p.string("telegram_payment_charge_id"),
                p.optString("provider_payment_charge_id"));
    }

    @Nullable
    private static User user(@Nullable StrictObject u) {
        return u == null ? null : new User(u.integer("id"), u.bool("is_bot"), u.string("first_name"),
                u.optString("last_name"), u.optString("username"), u.optString("language_code"),
                u.optBool("is_premium"));
    }

    private static Chat chat(StrictObject c) {
        return new Chat(c.integer("id"), c.string("type"), c.optString("username"), c.optString("first_name"));
    }

    @Nullable
    private static OrderInfo orderInfo(@Nullable StrictObject o) {
        return o == null ? null : new OrderInfo(o.optString("name"), o.optString("phone_number"),
                o.optString("email"), o.optObject("shipping_address") == null ? null
                : shippingAddress(o.object("shipping_address")));
    }

    private static ShippingAddress shippingAddress(StrictObject a) {
        return new ShippingAddress(a.string("country_code"), a.string("state"), a.string("city"),
                a.string("street_line1"), a.string("street_line2"), a.string("post_code"));
    }

    private static String firstField(JsonNode update) {
        for (var entry : update.entries()) {
            if (!"update_id".equals(entry.getKey()) && !entry.getValue().isNull()) {
                return entry.getKey();
            }
        }
        return "empty";
    }
}

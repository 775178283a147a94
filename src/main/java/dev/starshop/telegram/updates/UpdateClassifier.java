package dev.starshop.telegram.updates;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides once what an update is; everything after works on the classified kind. */
@Singleton
class UpdateClassifier {

    /** "/start", "/start payload", "/orders@ShopBot": Telegram's bot command syntax. */
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@\\S+)?(?:\\s+(.*))?$",
            Pattern.DOTALL);

    ClassifiedUpdate classify(long updateId, JsonNode update) {
        JsonNode preCheckout = field(update, "pre_checkout_query");
        if (preCheckout != null) {
            return new ClassifiedUpdate.PreCheckout(updateId, update, preCheckout);
        }
        JsonNode shipping = field(update, "shipping_query");
        if (shipping != null) {
            return new ClassifiedUpdate.ShippingRequest(updateId, update, shipping);
        }
        JsonNode message = field(update, "message");
        if (message != null) {
            return classifyMessage(updateId, update, message);
        }
        return new ClassifiedUpdate.Other(updateId, update, firstField(update));
    }

    private static ClassifiedUpdate classifyMessage(long updateId, JsonNode update, JsonNode message) {
        if (field(message, "successful_payment") != null) {
            return new ClassifiedUpdate.PaymentSucceeded(updateId, update, message);
        }
        if (field(message, "refunded_payment") != null) {
            return new ClassifiedUpdate.PaymentRefunded(updateId, update, message);
        }
        JsonNode text = field(message, "text");
        JsonNode chat = field(message, "chat");
        JsonNode chatType = chat == null ? null : field(chat, "type");
        boolean privateChat = chatType != null && "private".equals(chatType.coerceStringValue());
        if (privateChat && text != null && text.isString()) {
            Matcher command = COMMAND.matcher(text.getStringValue().trim());
            if (command.matches()) {
                String argument = command.group(2) == null ? "" : command.group(2).trim();
                return new ClassifiedUpdate.BotCommand(updateId, update, message,
                        command.group(1).toLowerCase(java.util.Locale.ROOT), argument);
            }
        }
        return new ClassifiedUpdate.Other(updateId, update, "message");
    }

    /** A present, non-null field; {@code "x": null} counts as absent, as Telegram never sends it. */
    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
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

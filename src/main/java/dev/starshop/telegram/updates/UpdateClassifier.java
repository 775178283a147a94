package dev.starshop.telegram.updates;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides once what an update is; everything after works on the classified kind. A message, a
 * pre-checkout query and a shipping query must have Telegram's JSON types in the fields the engine
 * reads ({@link JsonShape}): otherwise the update is refused as unreadable before anything is stored.
 */
@Singleton
class UpdateClassifier {

    /** "/start", "/start payload", "/orders@ShopBot": Telegram's bot command syntax. */
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@\\S+)?(?:\\s+(.*))?$",
            Pattern.DOTALL);

    ClassifiedUpdate classify(long updateId, JsonNode update) {
        JsonNode preCheckout = field(update, "pre_checkout_query");
        if (preCheckout != null) {
            requireShape(updateId, preCheckout, JsonShape.PRE_CHECKOUT_QUERY, "pre_checkout_query");
            return new ClassifiedUpdate.PreCheckout(updateId, update, preCheckout);
        }
        JsonNode shipping = field(update, "shipping_query");
        if (shipping != null) {
            requireShape(updateId, shipping, JsonShape.SHIPPING_QUERY, "shipping_query");
            return new ClassifiedUpdate.ShippingRequest(updateId, update, shipping);
        }
        JsonNode message = field(update, "message");
        if (message != null) {
            return classifyMessage(updateId, update, message);
        }
        return new ClassifiedUpdate.Other(updateId, update, firstField(update));
    }

    private static ClassifiedUpdate classifyMessage(long updateId, JsonNode update, JsonNode message) {
        requireShape(updateId, message, JsonShape.MESSAGE, "message");
        if (field(message, "successful_payment") != null) {
            return new ClassifiedUpdate.PaymentSucceeded(updateId, update, message);
        }
        if (field(message, "refunded_payment") != null) {
            return new ClassifiedUpdate.PaymentRefunded(updateId, update, message);
        }
        JsonNode text = field(message, "text");
        JsonNode chat = field(message, "chat");
        JsonNode chatType = chat == null ? null : field(chat, "type");
        boolean privateChat = chatType != null && "private".equals(chatType.getStringValue());
        if (privateChat && text != null) {
            Matcher command = COMMAND.matcher(text.getStringValue().trim());
            if (command.matches()) {
                String argument = command.group(2) == null ? "" : command.group(2).trim();
                return new ClassifiedUpdate.BotCommand(updateId, update, message,
                        command.group(1).toLowerCase(java.util.Locale.ROOT), argument);
            }
        }
        return new ClassifiedUpdate.Other(updateId, update, "message");
    }

    private static void requireShape(long updateId, JsonNode node, JsonShape shape, String path) {
        shape.mismatch(node, path).ifPresent(wrong -> {
            throw new ProblemException(ProblemCode.MALFORMED_REQUEST, "Update " + updateId + ": " + wrong);
        });
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

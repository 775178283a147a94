package dev.starshop.telegram.updates;

import dev.starshop.telegram.botapi.Message;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides once what a decoded update is; everything after works on the classified kind. It reads
 * only the typed records {@link UpdateDecoder} made: the JSON was read, and its types checked, there.
 */
@Singleton
class UpdateClassifier {

    /** "/start", "/start payload", "/orders@ShopBot": Telegram's bot command syntax. */
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@\\S+)?(?:\\s+(.*))?$",
            Pattern.DOTALL);

    ClassifiedUpdate classify(DecodedUpdate update) {
        long updateId = update.updateId();
        if (update.preCheckoutQuery() != null) {
            return new ClassifiedUpdate.PreCheckout(updateId, update.preCheckoutQuery());
        }
        if (update.shippingQuery() != null) {
            return new ClassifiedUpdate.ShippingRequest(updateId, update.shippingQuery());
        }
        if (update.message() != null) {
            return classifyMessage(updateId, update.message());
        }
        return new ClassifiedUpdate.Other(updateId, update.field());
    }

    private static ClassifiedUpdate classifyMessage(long updateId, Message message) {
        if (message.successfulPayment() != null) {
            return new ClassifiedUpdate.PaymentSucceeded(updateId, message);
        }
        if (message.refundedPayment() != null) {
            return new ClassifiedUpdate.PaymentRefunded(updateId, message);
        }
        if ("private".equals(message.chat().type()) && message.text() != null) {
            Matcher command = COMMAND.matcher(message.text().trim());
            if (command.matches()) {
                String argument = command.group(2) == null ? "" : command.group(2).trim();
                return new ClassifiedUpdate.BotCommand(updateId, message,
                        command.group(1).toLowerCase(Locale.ROOT), argument);
            }
        }
        return new ClassifiedUpdate.Other(updateId, "message");
    }
}

package dev.starshop.telegram.updates;

import dev.starshop.telegram.botapi.AnswerPreCheckoutQuery;
import dev.starshop.telegram.botapi.AnswerShippingQuery;

/**
 * An answer decided while handling an update, sent only after the handling transaction has
 * committed: Telegram must never hear an answer the database does not hold. Only the two query
 * answers travel this way (they cannot wait); messages go through the bot outbox.
 *
 * @param method  Bot API method name
 * @param request the typed request for that method
 */
public record BotCall(String method, Object request) {

    public static BotCall answer(AnswerPreCheckoutQuery answer) {
        return new BotCall("answerPreCheckoutQuery", answer);
    }

    public static BotCall answer(AnswerShippingQuery answer) {
        return new BotCall("answerShippingQuery", answer);
    }
}

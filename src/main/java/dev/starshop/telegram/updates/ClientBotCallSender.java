package dev.starshop.telegram.updates;

import dev.starshop.telegram.botapi.AnswerPreCheckoutQuery;
import dev.starshop.telegram.botapi.AnswerShippingQuery;
import dev.starshop.telegram.botapi.BotApiClient;
import jakarta.inject.Singleton;

/** Sends query answers through the engine's Bot API client. */
@Singleton
class ClientBotCallSender implements BotCallSender {

    private final BotApiClient client;

    ClientBotCallSender(BotApiClient client) {
        this.client = client;
    }

    @Override
    public void send(BotCall call) {
        if (call.request() instanceof AnswerPreCheckoutQuery answer) {
            client.answerPreCheckoutQuery(answer);
        } else if (call.request() instanceof AnswerShippingQuery answer) {
            client.answerShippingQuery(answer);
        } else {
            throw new IllegalArgumentException("Not a query answer: " + call.method());
        }
    }
}

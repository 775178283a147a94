package dev.starshop.telegram.updates;

/** Makes one Bot API call now. Implemented over the engine's Bot API client. */
public interface BotCallSender {

    void send(BotCall call);
}

package dev.starshop.sandbox;

import java.util.Map;

/** A group of Bot API methods; {@link BotApiDispatcher} collects every group. */
interface BotMethods {
    void register(Map<String, BotMethod> registry);
}

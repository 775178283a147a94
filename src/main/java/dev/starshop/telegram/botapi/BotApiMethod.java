package dev.starshop.telegram.botapi;

import io.micronaut.core.type.Argument;

/**
 * A Bot API method: its name on the wire, the type of its {@code result}, and whether sending it
 * twice is harmless (which decides if a timeout or 5xx may be retried blindly).
 */
record BotApiMethod<R>(String name, Argument<R> resultType, boolean safeToRepeat, boolean longPoll) {

    static <R> BotApiMethod<R> repeatable(String name, Argument<R> resultType) {
        return new BotApiMethod<>(name, resultType, true, false);
    }

    static <R> BotApiMethod<R> once(String name, Argument<R> resultType) {
        return new BotApiMethod<>(name, resultType, false, false);
    }
}

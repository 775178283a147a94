package dev.starshop.sandbox;

/** One Bot API method: parameters in, the {@code result} value out, or a {@link BotApiError}. */
@FunctionalInterface
interface BotMethod {
    Object call(Params params);
}

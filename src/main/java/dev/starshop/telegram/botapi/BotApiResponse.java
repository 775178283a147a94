package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The envelope around every Bot API answer: a result when ok, an error code and description when
 * not. The result stays a JSON tree until the method's result type is applied to it.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record BotApiResponse(
        boolean ok,
        @Nullable JsonNode result,
        @Nullable Integer errorCode,
        @Nullable String description,
        @Nullable ResponseParameters parameters) {

    /** The envelope read without its result, which a caller takes from the raw answer itself. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Status(boolean ok, @Nullable Integer errorCode, @Nullable String description,
                  @Nullable ResponseParameters parameters) {
        BotApiResponse withoutResult() {
            return new BotApiResponse(ok, null, errorCode, description, parameters);
        }
    }
}

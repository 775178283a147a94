package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The envelope around every Bot API answer: a result when ok, an error code and description when not. */
@Serdeable(naming = SnakeCaseStrategy.class)
record BotApiResponse<T>(
        boolean ok,
        @Nullable T result,
        @Nullable Integer errorCode,
        @Nullable String description,
        @Nullable ResponseParameters parameters) {
}

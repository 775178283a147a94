package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Why a request failed in a way the caller can act on (flood wait, chat migration). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ResponseParameters(@Nullable Long migrateToChatId, @Nullable Integer retryAfter) {
}

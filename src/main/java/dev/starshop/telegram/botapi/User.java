package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A Telegram user or bot. {@code id} may exceed 32 bits, hence {@code long}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record User(
        long id,
        boolean isBot,
        String firstName,
        @Nullable String lastName,
        @Nullable String username,
        @Nullable String languageCode,
        @Nullable Boolean isPremium) {
}

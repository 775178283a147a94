package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A chat, with the fields a bot needs to answer a buyer ({@code type} is "private", "group", …). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Chat(long id, String type, @Nullable String username, @Nullable String firstName) {
}

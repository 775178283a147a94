package dev.starshop.telegram.botapi;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A command in the bot's menu: 1-32 chars of a-z, 0-9, _ and a 1-256 char description. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record BotCommand(String command, String description) {
}

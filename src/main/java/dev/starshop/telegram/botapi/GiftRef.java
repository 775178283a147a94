package dev.starshop.telegram.botapi;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The fields of Telegram's {@code Gift} the books name: which gift, and its price in Stars. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record GiftRef(@Nullable String id, @Nullable Long starCount) {
}

package dev.starshop.telegram.botapi;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Result of {@code savePreparedInlineMessage}: the id for {@code shareMessage}, valid until the Unix time given. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PreparedInlineMessage(String id, long expirationDate) {
}

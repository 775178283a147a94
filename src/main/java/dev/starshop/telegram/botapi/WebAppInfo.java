package dev.starshop.telegram.botapi;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A Mini App to open: an HTTPS URL. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record WebAppInfo(String url) {
}

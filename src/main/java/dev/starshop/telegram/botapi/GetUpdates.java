package dev.starshop.telegram.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** Request of {@code getUpdates}: {@code timeout} is the long-poll wait in seconds. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetUpdates(
        @Nullable Long offset,
        @Nullable Integer limit,
        @Nullable Integer timeout,
        @Nullable List<String> allowedUpdates) {
}

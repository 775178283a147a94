package dev.starshop.platform.admin;

import io.micronaut.context.annotation.Context;

import java.time.Instant;

/** When this engine started; eager ({@code @Context}) so the instant is the start, not the first query. */
@Context
final class EngineStart {

    private final Instant startedAt = Instant.now();

    Instant startedAt() {
        return startedAt;
    }
}

package dev.starshop.platform.admin;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What an operator needs to know first about a running engine.
 *
 * @param version   the Maven project version the engine was built from
 * @param sandbox   true when no bot token is configured and the built-in Telegram emulator is used
 * @param database  {@code embedded} or {@code external}
 * @param startedAt when this engine started
 */
@Serdeable
record SystemInfo(String version, boolean sandbox, String database, Instant startedAt) {
}

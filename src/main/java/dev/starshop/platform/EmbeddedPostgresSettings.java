package dev.starshop.platform;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * Where and how the embedded PostgreSQL runs when no external database is configured.
 *
 * @param dataDir   data directory; kept across restarts unless {@code ephemeral}
 * @param ephemeral wipe the directory on start and keep one server per JVM (tests)
 * @param durable   fsync and synchronous commits on; only tests turn it off for speed
 */
@ConfigurationProperties("starshop.embedded-postgres")
public record EmbeddedPostgresSettings(
        @Bindable(defaultValue = "${user.home}/.starshop/pgdata") Path dataDir,
        @Bindable(defaultValue = "false") boolean ephemeral,
        @Bindable(defaultValue = "true") boolean durable) {
}

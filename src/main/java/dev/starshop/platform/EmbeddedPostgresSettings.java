package dev.starshop.platform;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.value.PropertyResolver;

import java.nio.file.Path;

/**
 * Where and how the embedded PostgreSQL runs when no external database is configured.
 *
 * @param dataDir     data directory; kept across restarts unless {@code ephemeral}. Unset → one
 *                    folder for a configured bot and another for the sandbox (see {@link #dataDirFor})
 * @param binariesDir private folder (0700, owned by the engine's user) the PostgreSQL binaries are
 *                    unpacked into and run from; unset → {@code ~/.starshop/pg-binaries}
 * @param ephemeral   wipe the directory on start and keep one server per JVM (tests)
 * @param durable     fsync and synchronous commits on; only tests turn it off for speed
 */
@ConfigurationProperties("starshop.embedded-postgres")
public record EmbeddedPostgresSettings(
        @Nullable Path dataDir,
        @Nullable Path binariesDir,
        @Bindable(defaultValue = "false") boolean ephemeral,
        @Bindable(defaultValue = "true") boolean durable) {

    /** The prefix above, for reading the same keys without the binding. */
    static final String PREFIX = "starshop.embedded-postgres";

    // Defaults are resolved here: a ${user.home} placeholder in @Bindable(defaultValue) is taken literally.
    static final Path HOME = Path.of(System.getProperty("user.home"), ".starshop");

    /**
     * The same settings read straight from the configuration, before any bean exists (the
     * {@linkplain EmbeddedPostgresHeadStart head start}); same keys and defaults as the binding.
     */
    static EmbeddedPostgresSettings from(PropertyResolver configuration) {
        return new EmbeddedPostgresSettings(
                configuration.get(PREFIX + ".data-dir", String.class).map(Path::of).orElse(null),
                configuration.get(PREFIX + ".binaries-dir", String.class).map(Path::of).orElse(null),
                configuration.get(PREFIX + ".ephemeral", Boolean.class).orElse(false),
                configuration.get(PREFIX + ".durable", Boolean.class).orElse(true));
    }

    Path binaries() {
        return binariesDir != null ? binariesDir : HOME.resolve("pg-binaries");
    }

    /**
     * The configured directory, or the default of the mode: sandbox books and a real shop's books
     * never share a directory, so trying the sandbox cannot write into (or read) production data.
     */
    Path dataDirFor(boolean sandbox) {
        if (dataDir != null) {
            return dataDir;
        }
        return HOME.resolve(sandbox ? "sandbox-pgdata" : "pgdata");
    }
}

package dev.starshop.platform.admin;

import dev.starshop.platform.Secret;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The bearer token that guards {@code /api/admin/**}.
 *
 * <p>Taken from {@code starshop.admin-token} ({@code STARSHOP_ADMIN_TOKEN}). Without one, a random
 * token is made for this run, so a fresh install is never left open and never ships with a guessable
 * default. The generated token is written to a file only its owner can read
 * ({@code starshop.admin-token-file}, {@link AdminTokenFile}); the log says where, never what: no
 * token, configured or generated, reaches a log. Eager ({@code @Context}) so the file is written at
 * startup, not at the first admin request.
 */
@Context
public final class AdminToken {

    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

    private final Secret token;
    private final AdminTokenFile file;

    @Inject
    AdminToken(@Value("${starshop.admin-token:}") @Nullable String configured,
               @Value("${starshop.admin-token-file:}") @Nullable String file) {
        this(configured, AdminTokenFile.at(file));
    }

    AdminToken(@Nullable String configured, AdminTokenFile file) {
        this.token = Secret.configuredOrGenerated(configured);
        this.file = file;
        if (token.isGenerated()) {
            handOut();
        }
    }

    /** Compares in constant time, whatever the presented token's length. */
    public boolean matches(@Nullable String presented) {
        return token.matches(presented);
    }

    /** The effective token; for tests and for tools started in-process, never for logging. */
    public String value() {
        return token.value();
    }

    /** A generated token's file goes with the run it was made for. */
    @PreDestroy
    void forget() {
        if (token.isGenerated()) {
            file.deleteIfHolding(token);
        }
    }

    private void handOut() {
        try {
            file.write(token);
            LOG.info("No admin token configured: this run's is in {}, readable by this account only"
                    + " (set STARSHOP_ADMIN_TOKEN to keep one across restarts)", file.path());
        } catch (AdminTokenFile.NotWritten e) {
            LOG.warn("No admin token configured, and this run's could not be written to {} ({}): /api/admin/** and"
                    + " the console stay locked until STARSHOP_ADMIN_TOKEN is set", file.path(), e.getMessage());
        }
    }
}

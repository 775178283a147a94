package dev.starshop.platform.admin;

import dev.starshop.platform.Secret;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token that guards {@code /api/admin/**}.
 *
 * <p>Taken from {@code starshop.admin-token} ({@code STARSHOP_ADMIN_TOKEN}). Without one, a random
 * token is made for this run and printed once, so a fresh install is never left open and never
 * ships with a guessable default. A configured token is never logged. Eager ({@code @Context}) so the
 * generated token is in the log at startup, not at the first admin request.
 */
@Context
public final class AdminToken {

    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

    private final Secret token;

    AdminToken(@Value("${starshop.admin-token:}") @Nullable String configured) {
        this.token = Secret.configuredOrGenerated(configured);
        if (token.isGenerated()) {
            LOG.info("Admin token for this run: {}  (set STARSHOP_ADMIN_TOKEN to keep one across restarts)",
                    token.value());
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
}

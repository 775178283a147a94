package dev.starshop.platform.admin;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

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
    private static final int GENERATED_BYTES = 32;

    private final String token;
    private final byte[] tokenDigest;

    AdminToken(@Value("${starshop.admin-token:}") @Nullable String configured) {
        if (configured == null || configured.isBlank()) {
            this.token = generate();
            LOG.info("Admin token for this run: {}  (set STARSHOP_ADMIN_TOKEN to keep one across restarts)", token);
        } else {
            this.token = configured.strip();
        }
        this.tokenDigest = sha256(token);
    }

    /**
     * Compares in constant time. Both sides are hashed first so the comparison also takes the same
     * time whatever the presented token's length.
     */
    public boolean matches(@Nullable String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), tokenDigest);
    }

    /** The effective token; for tests and for tools started in-process, never for logging. */
    public String value() {
        return token;
    }

    private static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

package dev.starshop.platform;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A shared secret (admin token, webhook secret) that is compared in constant time and never
 * printed by accident: {@link #toString()} hides it.
 */
public final class Secret {

    private static final int GENERATED_BYTES = 32;

    private final String value;
    private final byte[] digest;
    private final boolean generated;

    private Secret(String value, boolean generated) {
        this.value = value;
        this.digest = sha256(value);
        this.generated = generated;
    }

    /** The configured value, or a random URL-safe one (256 bits) when nothing is configured. */
    public static Secret configuredOrGenerated(@Nullable String configured) {
        if (configured == null || configured.isBlank()) {
            byte[] bytes = new byte[GENERATED_BYTES];
            new SecureRandom().nextBytes(bytes);
            return new Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
        }
        return new Secret(configured.strip(), false);
    }

    /**
     * Compares in constant time. Both sides are hashed first so the time taken does not depend on
     * the presented value's length either.
     */
    public boolean matches(@Nullable String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), digest);
    }

    public String value() {
        return value;
    }

    public boolean isGenerated() {
        return generated;
    }

    @Override
    public String toString() {
        return "Secret[<hidden>]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

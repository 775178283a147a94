package dev.starshop.telegram.initdata;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Telegram's Ed25519 keys for "Validating data for Third-Party Use" (core.telegram.org/bots/webapps).
 * Telegram signs initData with one key in production and another in its test environment.
 */
public final class TelegramPublicKeys {

    public static final String PRODUCTION_HEX = "e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d";
    public static final String TEST_ENVIRONMENT_HEX =
            "40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec";

    /** DER header of an X.509 SubjectPublicKeyInfo for Ed25519; the 32 raw key bytes follow it. */
    private static final String X509_ED25519_PREFIX = "302a300506032b6570032100";

    private TelegramPublicKeys() {
    }

    public static PublicKey forEnvironment(boolean testEnvironment) {
        return fromHex(testEnvironment ? TEST_ENVIRONMENT_HEX : PRODUCTION_HEX);
    }

    /** A raw 32-byte Ed25519 public key given as 64 hex characters. */
    public static PublicKey fromHex(String rawKeyHex) {
        byte[] raw = HexFormat.of().parseHex(rawKeyHex);
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, got " + raw.length);
        }
        byte[] encoded = HexFormat.of().parseHex(X509_ED25519_PREFIX + rawKeyHex);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot load an Ed25519 key", e);
        }
    }
}

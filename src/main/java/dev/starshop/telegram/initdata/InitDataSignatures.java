package dev.starshop.telegram.initdata;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two ways Telegram signs initData. Both answer true or false and never throw on hostile
 * input: a garbled hash or signature is just "not signed".
 */
public final class InitDataSignatures {

    private static final byte[] WEB_APP_DATA = "WebAppData".getBytes(StandardCharsets.UTF_8);
    private static final Set<String> HMAC_UNSIGNED = Set.of("hash");
    private static final Set<String> ED25519_UNSIGNED = Set.of("hash", "signature");

    private InitDataSignatures() {
    }

    /** secret_key = HMAC_SHA256(key = "WebAppData", msg = bot_token). */
    public static byte[] secretKey(String botToken) {
        return hmacSha256(WEB_APP_DATA, botToken.getBytes(StandardCharsets.UTF_8));
    }

    /** hex(HMAC_SHA256(key = secret_key, msg = data_check_string)), the value Telegram puts in {@code hash}. */
    public static String hmacHex(String botToken, String dataCheckString) {
        byte[] mac = hmacSha256(secretKey(botToken), dataCheckString.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac);
    }

    /** All fields except the excluded ones, sorted by key, as {@code key=value} lines. */
    public static String dataCheckString(Map<String, String> fields, Set<String> excluded) {
        return fields.entrySet().stream()
                .filter(field -> !excluded.contains(field.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("\n"));
    }

    static boolean hmacMatches(Map<String, String> fields, String botToken) {
        String hash = fields.get("hash");
        if (hash == null) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(hash);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(hmacHex(botToken, dataCheckString(fields, HMAC_UNSIGNED)));
        // Constant time, so response timing tells an attacker nothing about how close a forgery is.
        return MessageDigest.isEqual(expected, claimed);
    }

    static boolean ed25519Matches(Map<String, String> fields, long botId, PublicKey telegramKey) {
        String signature = fields.get("signature");
        if (signature == null) {
            return false;
        }
        String signed = botId + ":WebAppData\n" + dataCheckString(fields, ED25519_UNSIGNED);
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(telegramKey);
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (IllegalArgumentException | SignatureException badInput) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    private static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}

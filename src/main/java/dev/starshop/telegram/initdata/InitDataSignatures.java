package dev.starshop.telegram.initdata;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two ways Telegram signs initData. Both answer true or false and never throw on hostile
 * input: a garbled hash or signature is just "not signed".
 */
public final class InitDataSignatures {

    private static final byte[] WEB_APP_DATA = "WebAppData".getBytes(StandardCharsets.UTF_8);
    private static final Set<String> HMAC_UNSIGNED = Set.of("hash");
    private static final Set<String> ED25519_UNSIGNED = Set.of("hash", "signature");

    /**
     * The HMAC keyed with the secret key of the last bot token used. An engine has one token, so
     * the key is derived once instead of on every request, and each request clones the keyed
     * HMAC instead of looking the algorithm up and keying it again.
     */
    private static volatile KeyedHmac lastKey;

    private InitDataSignatures() {
    }

    /** secret_key = HMAC_SHA256(key = "WebAppData", msg = bot_token). */
    public static byte[] secretKey(String botToken) {
        return hmacSha256(WEB_APP_DATA, botToken.getBytes(StandardCharsets.UTF_8));
    }

    /** hex(HMAC_SHA256(key = secret_key, msg = data_check_string)), the value Telegram puts in {@code hash}. */
    public static String hmacHex(String botToken, String dataCheckString) {
        return HexFormat.of().formatHex(hmac(botToken, dataCheckString));
    }

    /** All fields except the excluded ones, sorted by key, as {@code key=value} lines. */
    public static String dataCheckString(Map<String, String> fields, Set<String> excluded) {
        List<Map.Entry<String, String>> signed = new ArrayList<>(fields.size());
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!excluded.contains(field.getKey())) {
                signed.add(field);
            }
        }
        signed.sort(Map.Entry.comparingByKey());
        StringBuilder lines = new StringBuilder(128);
        for (Map.Entry<String, String> field : signed) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(field.getKey()).append('=').append(field.getValue());
        }
        return lines.toString();
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
        byte[] expected = hmac(botToken, dataCheckString(fields, HMAC_UNSIGNED));
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

    /** HMAC_SHA256(key = secret_key(botToken), msg = dataCheckString). */
    private static byte[] hmac(String botToken, String dataCheckString) {
        KeyedHmac keyed = lastKey;
        if (keyed == null || !keyed.botToken().equals(botToken)) {
            keyed = KeyedHmac.of(botToken);
            lastKey = keyed;
        }
        return keyed.fresh().doFinal(dataCheckString.getBytes(StandardCharsets.UTF_8));
    }

    /** An HMAC-SHA-256 keyed with one bot token's secret key, never used itself: each use takes a clone. */
    private record KeyedHmac(String botToken, Mac keyed) {

        static KeyedHmac of(String botToken) {
            return new KeyedHmac(botToken, keyedWith(secretKey(botToken)));
        }

        Mac fresh() {
            try {
                return (Mac) keyed.clone();
            } catch (CloneNotSupportedException providerWithoutClone) {
                return keyedWith(secretKey(botToken));
            }
        }

        @Override
        public String toString() {
            return "KeyedHmac[<hidden>]";
        }
    }

    private static byte[] hmacSha256(byte[] key, byte[] message) {
        return keyedWith(key).doFinal(message);
    }

    private static Mac keyedWith(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}

package dev.starshop.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Signs Mini App initData the way Telegram does (HMAC-SHA-256 with the bot token), for tests that
 * call the API as a buyer. Written independently of the production verifier on purpose, so a bug
 * there cannot cancel itself out here.
 *
 * <pre>{@code
 * String header = InitDataSigner.forToken(botCredentials.token()).header(42L, "alice", "en");
 * client.exchange(HttpRequest.GET("/api/me").header("Authorization", header));
 * }</pre>
 */
public final class InitDataSigner {

    private final String botToken;
    private final Instant authDate;

    private InitDataSigner(String botToken, Instant authDate) {
        this.botToken = botToken;
        this.authDate = authDate;
    }

    /** A signer whose {@code auth_date} is "now". */
    public static InitDataSigner forToken(String botToken) {
        return new InitDataSigner(botToken, Instant.now());
    }

    /** The same signer with another {@code auth_date}, e.g. to produce expired data. */
    public InitDataSigner authDate(Instant authDate) {
        return new InitDataSigner(botToken, authDate);
    }

    /** A complete {@code Authorization} header value: {@code tma <initData>}. */
    public String header(long userId, String username, String languageCode) {
        return "tma " + initData(userId, username, languageCode);
    }

    /** Signed initData for a user with the given id, username and language; first name "Test". */
    public String initData(long userId, String username, String languageCode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAtest" + userId);
        fields.put("user", "{\"id\":" + userId + ",\"first_name\":\"Test\",\"username\":" + quote(username)
                + ",\"language_code\":" + quote(languageCode) + ",\"allows_write_to_pm\":true}");
        fields.put("chat_type", "private");
        return sign(fields);
    }

    /** Adds {@code auth_date} (unless given) and {@code hash} to arbitrary fields and encodes them. */
    public String sign(Map<String, String> fields) {
        Map<String, String> signed = new TreeMap<>(fields);
        signed.putIfAbsent("auth_date", Long.toString(authDate.getEpochSecond()));
        String dataCheckString = signed.entrySet().stream()
                .map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("\n"));
        byte[] secretKey = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken);
        signed.put("hash", HexFormat.of().formatHex(hmac(secretKey, dataCheckString)));
        return signed.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

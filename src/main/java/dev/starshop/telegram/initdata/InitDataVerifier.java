package dev.starshop.telegram.initdata;

import dev.starshop.telegram.initdata.InvalidInitDataException.Reason;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Verifies a Mini App's raw {@code initData} query string. Signature checks and the freshness
 * check are separate steps so published vectors (signed years ago) can be checked on their own;
 * the engine always uses {@link #verifyFresh}. Every refusal is an {@link InvalidInitDataException}.
 */
@Singleton
public final class InitDataVerifier {

    /** Tolerated clock difference between Telegram's servers and ours for a future {@code auth_date}. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final InitDataReader reader;
    private final Clock clock;

    /** The clock is optional so tests (or a platform-wide bean) can pin time; else the system clock. */
    @Inject
    public InitDataVerifier(JsonMapper json, @Nullable Clock clock) {
        this.reader = new InitDataReader(json);
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** The engine's check: signed (see {@link #verify}) and no older than {@code maxAge}. */
    public InitData verifyFresh(String raw, String botToken, PublicKey telegramKey, Duration maxAge) {
        InitData data = verify(raw, botToken, telegramKey);
        checkFresh(data, maxAge);
        return data;
    }

    /**
     * Accepts when {@code hash} is our bot token's HMAC, otherwise when {@code signature} is
     * Telegram's Ed25519 signature for our bot id (taken from the token). No expiry check.
     */
    public InitData verify(String raw, String botToken, PublicKey telegramKey) {
        Map<String, String> fields = parse(raw);
        if (InitDataSignatures.hmacMatches(fields, botToken)) {
            return reader.read(fields, InitData.Proof.HMAC_SHA256);
        }
        if (InitDataSignatures.ed25519Matches(fields, botIdOf(botToken), telegramKey)) {
            return reader.read(fields, InitData.Proof.ED25519);
        }
        throw badSignature(fields);
    }

    /** Only the HMAC path, with an explicit token. No expiry check. */
    public InitData verifyHmac(String raw, String botToken) {
        Map<String, String> fields = parse(raw);
        if (!InitDataSignatures.hmacMatches(fields, botToken)) {
            throw badSignature(fields);
        }
        return reader.read(fields, InitData.Proof.HMAC_SHA256);
    }

    /** Only the third-party Ed25519 path, with an explicit bot id and key. No expiry check. */
    public InitData verifyThirdParty(String raw, long botId, PublicKey publicKey) {
        Map<String, String> fields = parse(raw);
        if (!InitDataSignatures.ed25519Matches(fields, botId, publicKey)) {
            throw badSignature(fields);
        }
        return reader.read(fields, InitData.Proof.ED25519);
    }

    /** Refuses data older than {@code maxAge} or dated beyond {@link #MAX_CLOCK_SKEW} in the future. */
    public void checkFresh(InitData data, Duration maxAge) {
        Instant now = clock.instant();
        if (data.authDate().isBefore(now.minus(maxAge))) {
            throw new InvalidInitDataException(Reason.EXPIRED,
                    "initData has expired: auth_date is older than " + maxAge.toString().substring(2).toLowerCase()
                            + "; reopen the Mini App");
        }
        if (data.authDate().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidInitDataException(Reason.EXPIRED, "initData auth_date lies in the future");
        }
    }

    private static Map<String, String> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInitDataException(Reason.MISSING, "initData is empty");
        }
        try {
            return QueryString.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInitDataException(Reason.MALFORMED, "initData is malformed: " + e.getMessage());
        }
    }

    private static InvalidInitDataException badSignature(Map<String, String> fields) {
        String detail = fields.containsKey("hash") || fields.containsKey("signature")
                ? "initData has a bad signature" : "initData carries neither hash nor signature";
        return new InvalidInitDataException(Reason.BAD_SIGNATURE, detail);
    }

    private static long botIdOf(String botToken) {
        int colon = botToken.indexOf(':');
        try {
            return Long.parseLong(colon < 0 ? botToken : botToken.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a bot token: expected <numeric bot id>:<secret>");
        }
    }
}

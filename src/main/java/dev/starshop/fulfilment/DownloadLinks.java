package dev.starshop.fulfilment;

import dev.starshop.platform.Secret;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Short-lived signed download URLs for delivered files, fetchable without headers (Telegram's
 * {@code WebApp.downloadFile} sends none): {@code /api/downloads/{deliveryId}?expires=…&signature=…},
 * the signature an HMAC-SHA256 over buyer, order, delivery and expiry with a server secret. The
 * server recomputes it from the delivery's own row, so a link works only for the delivery, order
 * and buyer it was made for; checked in constant time.
 */
@Singleton
class DownloadLinks {

    static final String PATH = "/api/downloads/";

    private final byte[] key;
    private final Duration ttl;
    private final String publicUrl;
    private final Clock clock;

    DownloadLinks(@Value("${starshop.fulfilment.download-secret:}") @Nullable String secret,
                  @Value("${starshop.fulfilment.download-link-ttl:15m}") Duration ttl,
                  @Value("${starshop.public-url:}") @Nullable String publicUrl, Clock clock) {
        this.key = Secret.configuredOrGenerated(secret).value().getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    /** A link valid for {@code download-link-ttl} from now; absolute when {@code starshop.public-url} is set. */
    Link create(long buyerId, UUID orderId, long deliveryId) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String url = publicUrl + PATH + deliveryId + "?expires=" + expires + "&signature="
                + sign(buyerId, orderId, deliveryId, expires);
        return new Link(url, Instant.ofEpochSecond(expires));
    }

    /** Refuses a link that is not this server's for that delivery (403) or has expired (410). */
    void check(DownloadTarget target, String expires, String signature) {
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw invalid();
        }
        byte[] expected = sign(target.buyerId(), target.orderId(), target.deliveryId(), expiresAt)
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        if (clock.instant().getEpochSecond() >= expiresAt) {
            throw new ProblemException(ProblemCode.DOWNLOAD_LINK_EXPIRED, "The download link expired at "
                    + Instant.ofEpochSecond(expiresAt));
        }
    }

    static ProblemException invalid() {
        return new ProblemException(ProblemCode.DOWNLOAD_LINK_INVALID, "This download link is not valid");
    }

    private String sign(long buyerId, UUID orderId, long deliveryId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String message = "download|" + buyerId + "|" + orderId + "|" + deliveryId + "|" + expires;
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    record Link(String url, Instant expiresAt) {
    }

    /** What a link points at, read from the delivery's row. */
    record DownloadTarget(long deliveryId, UUID orderId, long buyerId, String sku, String status,
                          String orderStatus) {
    }
}

package dev.starshop.events;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header is what docs/events.md tells receivers to compute, and forgeries do not verify. */
class EventSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"order.paid\",\"createdAt\":\"2026-12-05T10:00:00Z\",\"data\":{}}";

    @Test
    void theHeaderIsHmacSha256OfTimestampDotBodyInHex() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(("1764928800." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertEquals("t=1764928800,v1=" + expected, EventSignature.header(SECRET, 1764928800L, BODY));
    }

    @Test
    void onlyTheRightSecretBodyAndARecentTimestampVerify() {
        String header = EventSignature.header(SECRET, 1000, BODY);

        assertTrue(EventSignature.verify(SECRET, header, BODY, 1100, 300));
        assertFalse(EventSignature.verify("whsec_other", header, BODY, 1100, 300), "another secret");
        assertFalse(EventSignature.verify(SECRET, header, BODY.replace("order.paid", "order.refunded"), 1100, 300));
        assertFalse(EventSignature.verify(SECRET, header, BODY, 1000 + 301, 300), "too old: a replay");
        assertFalse(EventSignature.verify(SECRET, "t=1000,v1=00", BODY, 1000, 300), "forged");
        assertFalse(EventSignature.verify(SECRET, "v1=" + header.substring(header.indexOf("v1=") + 3), BODY, 1000, 300),
                "no timestamp");
    }
}

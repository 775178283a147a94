package dev.starshop.security;

import dev.starshop.support.RawRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every HTML page, under every spelling that serves it, carries a Content-Security-Policy and a
 * frame policy from the one filter; every response carries nosniff and a referrer policy.
 */
@MicronautTest(transactional = false)
class SecurityHeadersTest {

    @Inject
    EmbeddedServer server;

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/admin//", "/admin/index.html", "//admin/", "/admin/./", "/admin/%2F",
            "/admin/;a=1"})
    void theConsoleIsNeverFramedUnderAnySpelling(String path) {
        RawRequest.Answer page = get(path);

        assertTrue(header(page, "content-security-policy").contains("frame-ancestors 'none'"), page.text());
        assertEquals("DENY", header(page, "x-frame-options"), path);
        assertEquals("nosniff", header(page, "x-content-type-options"), path);
    }

    @Test
    void theMiniAppMayBeFramedByTelegramWebAndNothingElse() {
        RawRequest.Answer page = get("/app/");

        assertEquals(200, page.status());
        String policy = header(page, "content-security-policy");
        assertTrue(policy.contains("frame-ancestors 'self' https://web.telegram.org"), policy);
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertEquals("", header(page, "x-frame-options"), "X-Frame-Options cannot name Telegram Web");
        assertEquals("no-referrer", header(page, "referrer-policy"));
    }

    /** Spellings the Mini App route does not match are static files or errors: the strictest policy. */
    @ParameterizedTest
    @ValueSource(strings = {"/app//", "/app/index.html/", "//app/", "/app/%2F", "/app/app.js"})
    void otherSpellingsOfTheMiniAppPageGetAPolicyToo(String path) {
        RawRequest.Answer page = get(path);

        String policy = header(page, "content-security-policy");
        assertTrue(policy.contains("object-src 'none'") && policy.contains("frame-ancestors"), path + ": " + page.text());
    }

    @Test
    void theSandboxHostIsFramedOnlyByItsOwnOrigin() {
        RawRequest.Answer page = get("/sandbox");

        assertEquals(200, page.status());
        assertTrue(header(page, "content-security-policy").contains("frame-ancestors 'self'"));
        assertEquals("SAMEORIGIN", header(page, "x-frame-options"));
    }

    @Test
    void jsonAndErrorsCarryNosniff() {
        assertEquals("nosniff", header(get("/api/catalog"), "x-content-type-options"));
        assertEquals("nosniff", header(get("/no/such/page"), "x-content-type-options"));
        assertEquals("nosniff", header(get("/api/orders"), "x-content-type-options"));
    }

    private RawRequest.Answer get(String path) {
        return RawRequest.send(server.getURI(), "GET", path, Map.of(), new byte[0]);
    }

    /** The header's value, or "" when absent; names compared case-insensitively. */
    static String header(RawRequest.Answer answer, String name) {
        String head = answer.text().split("\r\n\r\n", 2)[0];
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }
}

package dev.starshop.platform.admin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminTokenTest {

    @Test
    void aConfiguredTokenMatchesOnlyItself() {
        AdminToken token = new AdminToken("s3cret-token");
        assertTrue(token.matches("s3cret-token"));
        assertFalse(token.matches("s3cret-tokeN"));
        assertFalse(token.matches("s3cret"));
        assertFalse(token.matches(""));
        assertFalse(token.matches(null));
    }

    @Test
    void withoutConfigurationEachRunGetsAStrongRandomToken() {
        AdminToken first = new AdminToken(null);
        AdminToken second = new AdminToken("  ");
        assertNotEquals(first.value(), second.value());
        assertTrue(first.value().length() >= 43, "256 bits in base64url");
        assertTrue(first.matches(first.value()));
    }

    @Test
    void onlyTheBearerSchemeCarriesAToken() {
        assertEquals("abc", AdminAuthenticationFilter.bearerToken("Bearer abc"));
        assertEquals("abc", AdminAuthenticationFilter.bearerToken("BEARER  abc "));
        assertNull(AdminAuthenticationFilter.bearerToken("Basic YWRtaW46YWJj"));
        assertNull(AdminAuthenticationFilter.bearerToken("abc"));
        assertNull(AdminAuthenticationFilter.bearerToken(null));
    }
}

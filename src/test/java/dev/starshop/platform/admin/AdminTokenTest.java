package dev.starshop.platform.admin;

import dev.starshop.support.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminTokenTest {

    @TempDir
    Path temp;

    @Test
    void aConfiguredTokenMatchesOnlyItself() {
        AdminToken token = new AdminToken("s3cret-token", fileIn(temp));
        assertTrue(token.matches("s3cret-token"));
        assertFalse(token.matches("s3cret-tokeN"));
        assertFalse(token.matches("s3cret"));
        assertFalse(token.matches(""));
        assertFalse(token.matches(null));
    }

    @Test
    void withoutConfigurationEachRunGetsAStrongRandomToken() {
        AdminToken first = new AdminToken(null, fileIn(temp.resolve("first")));
        AdminToken second = new AdminToken("  ", fileIn(temp.resolve("second")));
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

    @Test
    void aGeneratedTokenIsHandedOutInAnOwnerOnlyFileAndNeverLogged() throws IOException {
        Path file = temp.resolve("state").resolve("admin-token");
        String log;
        AdminToken token;
        try (CapturedLog captured = new CapturedLog()) {
            token = new AdminToken(null, AdminTokenFile.at(file.toString()));
            log = captured.text();
        }

        assertEquals(token.value(), Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertFalse(log.contains(token.value()), log);
        assertTrue(log.contains(file.toString()), "the log says where the token is: " + log);
    }

    @Test
    void aConfiguredTokenWritesNoFileAndIsNeverLogged() {
        Path file = temp.resolve("admin-token");
        try (CapturedLog captured = new CapturedLog()) {
            new AdminToken("configured-s3cret", AdminTokenFile.at(file.toString()));
            assertFalse(captured.text().contains("configured-s3cret"));
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void theFileGoesWithItsRunButNotAnotherRunsToken() throws IOException {
        Path file = temp.resolve("admin-token");
        AdminToken earlier = new AdminToken(null, AdminTokenFile.at(file.toString()));
        AdminToken later = new AdminToken(null, AdminTokenFile.at(file.toString()));

        earlier.forget();
        assertEquals(later.value(), Files.readString(file).strip(), "the later run's token stays");
        later.forget();
        assertFalse(Files.exists(file));
    }

    @Test
    void aTokenThatCannotBeWrittenLocksTheAdminRoutesInsteadOfReachingTheLog() throws IOException {
        Path inTheWay = Files.writeString(temp.resolve("not-a-directory"), "x");
        String log;
        AdminToken token;
        try (CapturedLog captured = new CapturedLog()) {
            token = new AdminToken(null, AdminTokenFile.at(inTheWay.resolve("admin-token").toString()));
            log = captured.text();
        }

        assertFalse(log.contains(token.value()), log);
        assertTrue(log.contains("STARSHOP_ADMIN_TOKEN"), log);
        assertFalse(token.matches("x"));
    }

    private static AdminTokenFile fileIn(Path directory) {
        return AdminTokenFile.at(directory.resolve("admin-token").toString());
    }
}

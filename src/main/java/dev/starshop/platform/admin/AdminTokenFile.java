package dev.starshop.platform.admin;

import dev.starshop.platform.Secret;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where a generated admin token is handed to the operator: a file readable and writable by the
 * engine's account only ({@code rw-------}), by default {@code ~/.starshop/admin-token}. It is
 * written whole or not at all (a temporary file with those permissions from the start, then moved
 * into place), so no other account can read it at any moment, and a reader never sees half a token.
 */
final class AdminTokenFile {

    static final Path DEFAULT = Path.of(System.getProperty("user.home"), ".starshop", "admin-token");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path path;

    private AdminTokenFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /** The configured file, or the default one when none is configured. */
    static AdminTokenFile at(@Nullable String configured) {
        return new AdminTokenFile(configured == null || configured.isBlank() ? DEFAULT : Path.of(configured.strip()));
    }

    Path path() {
        return path;
    }

    void write(Secret token) throws NotWritten {
        try {
            Path directory = path.getParent();
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            Path temporary = Files.createTempFile(directory, ".admin-token", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(temporary, token.value() + "\n", StandardCharsets.US_ASCII);
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new NotWritten(e.toString());
        }
    }

    /** Deletes the file if it still holds this token (another engine may have written its own since). */
    void deleteIfHolding(Secret token) {
        try {
            if (Files.isRegularFile(path) && token.matches(Files.readString(path, StandardCharsets.US_ASCII).strip())) {
                Files.delete(path);
            }
        } catch (IOException ignored) {
            // Nothing to hand back: a stale file names a token that no longer opens anything.
        }
    }

    /** The file could not be written; the message names why, never the token. */
    static final class NotWritten extends Exception {
        NotWritten(String why) {
            super(why);
        }
    }
}

package dev.starshop.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A directory only the engine's own OS user can write to. Programs the engine runs and secrets it
 * keeps live in one: a directory another user can write to (like a shared {@code /tmp} folder)
 * lets that user plant a program that the engine then runs as itself.
 */
final class PrivateDirectory {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private PrivateDirectory() {
    }

    /**
     * Creates {@code dir} (and missing parents) with mode 0700, or checks an existing one: it must
     * be a real directory (not a symbolic link), owned by this process's user and not writable by
     * group or others. Refuses with a message saying what is wrong and how to fix it.
     */
    static Path ensure(Path dir, String purpose) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        createOwnerOnly(absolute);
        check(absolute, purpose);
        return absolute;
    }

    /** Checks an existing directory without creating or changing anything. */
    static void check(Path dir, String purpose) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(dir, purpose, "it is not a directory (or is a symbolic link)",
                    "remove it, or point the setting at a directory of your own");
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != currentUid()) {
            throw refused(dir, purpose, "it is owned by uid " + owner + ", not by this engine's user (uid "
                    + currentUid() + ")", "remove it, or point the setting at a directory of your own");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw refused(dir, purpose, "it is writable by group or others (mode "
                    + PosixFilePermissions.toString(permissions) + ")",
                    "check nothing was planted in it, then chmod 700 it");
        }
    }

    /** Takes group and other access away from a directory this user owns (a library may have widened it). */
    static void restrict(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }

    static int currentUid() {
        return (int) new com.sun.security.auth.module.UnixSystem().getUid();
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.exists(parent)) {
            createOwnerOnly(parent);
        }
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        // The umask may have narrowed the mode at creation; set it exactly.
        Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }

    private static IllegalStateException refused(Path dir, String purpose, String why, String fix) {
        return new IllegalStateException("Refusing to use " + dir + " as " + purpose + ": " + why + ". To proceed, "
                + fix + ".");
    }
}

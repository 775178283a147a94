package dev.starshop.platform;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Other local users cannot use the engine's PostgreSQL: no connection without the password, no
 * {@code trust} line, the password kept owner-only, the programs run from a private directory.
 */
class EmbeddedPostgresSecurityTest {

    @TempDir
    Path home;

    private ApplicationContext running;

    @AfterEach
    void stopEngine() {
        if (running != null && running.isRunning()) {
            running.close();
        }
    }

    @Test
    void theTestDatabaseNeedsThePasswordToo() throws Exception {
        running = ApplicationContext.run("test");
        Path dataDir = Path.of("target/test-pgdata").toAbsolutePath();

        assertLockedDown(running, dataDir);
        String exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(postmasterPid(dataDir)), "exe")).toString();
        assertTrue(exe.startsWith(EmbeddedPostgresSettings.HOME.resolve("pg-binaries").resolve("zonky").toString()), exe);
        assertEquals("rwx------", mode(EmbeddedPostgresSettings.HOME.resolve("pg-binaries")));
        assertEquals("rwx------", mode(EmbeddedPostgresSettings.HOME.resolve("pg-binaries").resolve("zonky")));
    }

    @Test
    void aDirectoryInitialisedWithTrustIsConvertedAndKeepsItsData() throws Exception {
        Path dataDir = home.resolve("pgdata");
        PostgresBinaries binaries = PostgresBinaries.in(EmbeddedPostgresSettings.HOME.resolve("pg-binaries"));
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.workingDir().toFile())
                .setPgBinaryResolver(binaries.resolver())
                .setDataDirectory(dataDir).setCleanDataDirectory(false).start();
             Connection connection = legacy.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // Its own schema: Flyway refuses a non-empty public schema without its history table.
            statement.execute("CREATE SCHEMA legacy");
            statement.execute("CREATE TABLE legacy.survivor (note TEXT NOT NULL)");
            statement.execute("INSERT INTO legacy.survivor VALUES ('written under trust')");
        }
        assertTrue(hbaLines(dataDir).stream().anyMatch(line -> line.endsWith("trust")), "the old default");

        running = start(dataDir, home.resolve("unused"));

        assertLockedDown(running, dataDir);
        try (Connection connection = connect(running);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT note FROM legacy.survivor")) {
            assertTrue(rows.next());
            assertEquals("written under trust", rows.getString(1));
        }
    }

    @Test
    void binariesAreNotRunFromADirectoryOthersCanWriteTo() throws Exception {
        Path shared = Files.createDirectory(home.resolve("shared-binaries"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        Exception refused = assertThrows(Exception.class, () -> start(home.resolve("pgdata"), shared).close());

        String message = messages(refused);
        assertTrue(message.contains("Refusing to use " + shared), message);
        assertTrue(message.contains("writable by group or others"), message);
        assertFalse(Files.exists(shared.resolve("zonky")), "nothing unpacked there");
    }

    @Test
    void binariesAreNotRunFromADirectoryOfAnotherUser() throws Exception {
        Path foreign = Files.createDirectory(home.resolve("foreign-binaries"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setAttribute(foreign, "unix:uid", PrivateDirectory.currentUid() + 1);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PostgresBinaries.in(foreign));

        assertTrue(refused.getMessage().contains("not by this engine's user"), refused.getMessage());
    }

    @Test
    void sandboxAndBotDefaultToSeparateDataDirectories() {
        EmbeddedPostgresSettings unset = new EmbeddedPostgresSettings(null, null, false, true);
        assertEquals(EmbeddedPostgresSettings.HOME.resolve("sandbox-pgdata"), unset.dataDirFor(true));
        assertEquals(EmbeddedPostgresSettings.HOME.resolve("pgdata"), unset.dataDirFor(false));
        EmbeddedPostgresSettings explicit = new EmbeddedPostgresSettings(Path.of("/srv/books"), null, false, true);
        assertEquals(Path.of("/srv/books"), explicit.dataDirFor(true));
    }

    private static void assertLockedDown(ApplicationContext context, Path dataDir) throws Exception {
        String url = datasource(context).getUrl();
        SQLException anonymous = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", null).close());
        assertTrue(anonymous.getMessage().contains("password"), anonymous.getMessage());
        SQLException wrong = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url, "postgres", "guessed").close());
        assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());

        List<String> hba = hbaLines(dataDir);
        assertFalse(hba.isEmpty());
        assertTrue(hba.stream().allMatch(line -> line.endsWith("scram-sha-256")), String.join("\n", hba));
        assertEquals("rwx------", mode(dataDir));
        assertEquals("rw-------", mode(dataDir.resolve(PostgresAuthentication.PASSWORD_FILE)));
        try (Connection connection = connect(context);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT current_setting('password_encryption'), rolpassword FROM pg_authid WHERE rolname = 'postgres'")) {
            assertTrue(rows.next());
            assertEquals("scram-sha-256", rows.getString(1));
            assertTrue(rows.getString(2).startsWith("SCRAM-SHA-256$"), "a SCRAM verifier, not the password");
        }
    }

    private static ApplicationContext start(Path dataDir, Path binariesDir) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "starshop.embedded-postgres.data-dir", dataDir.toString(),
                "starshop.embedded-postgres.ephemeral", false,
                "starshop.embedded-postgres.durable", false));
        if (!binariesDir.endsWith("unused")) {
            properties.put("starshop.embedded-postgres.binaries-dir", binariesDir.toString());
        }
        return ApplicationContext.run(properties, "test");
    }

    private static DatasourceConfiguration datasource(ApplicationContext context) {
        return context.getBean(DatasourceConfiguration.class, Qualifiers.byName("default"));
    }

    private static Connection connect(ApplicationContext context) throws SQLException {
        DatasourceConfiguration datasource = datasource(context);
        return DriverManager.getConnection(datasource.getUrl(), datasource.getUsername(), datasource.getPassword());
    }

    private static List<String> hbaLines(Path dataDir) throws Exception {
        return Files.readAllLines(dataDir.resolve("pg_hba.conf")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static long postmasterPid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}

package dev.starshop.platform.migration;

import dev.starshop.platform.migration.MigrationsOnStart.Path;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a start brings its database to the jar's migrations, on databases of their own on the shared test
 * PostgreSQL, reached as an external database: Flyway migrates a fresh database and one behind the jar;
 * a restart on the current schema does not start Flyway; any difference in the history sends the start
 * to Flyway, which fails its validation as it always did.
 */
class MigrationsOnStartTest {

    private static final int PACKAGED = PackagedMigrations.names(MigrationsOnStartTest.class.getClassLoader()).size();

    private static ApplicationContext shared;
    private static String serverUrl;
    private static String password;
    /** Migrated once by the engine (the fresh-database start); the other tests start on copies of it. */
    private static String migrated;
    private static Path freshStart;

    @BeforeAll
    static void migrateAFreshDatabase() throws SQLException {
        shared = ApplicationContext.run("test");
        DatasourceConfiguration datasource = shared.getBean(DatasourceConfiguration.class, Qualifiers.byName("default"));
        serverUrl = datasource.getUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/");
        password = datasource.getPassword();
        migrated = newDatabase(null);
        try (ApplicationContext engine = start(migrated)) {
            freshStart = engine.getBean(MigrationsOnStart.class).path();
        }
    }

    @AfterAll
    static void stopShared() {
        shared.close();
    }

    @Test
    void flywayMigratesAFreshDatabase() throws SQLException {
        assertEquals(Path.FLYWAY, freshStart);
        assertEquals(PACKAGED, history(migrated).size());
        assertTrue(history(migrated).stream().allMatch(row -> row.endsWith("true")), history(migrated).toString());
    }

    @Test
    void aRestartOnTheCurrentSchemaDoesNotStartFlyway() throws SQLException {
        String database = newDatabase(migrated);
        try (ApplicationContext engine = start(database)) {
            assertEquals(Path.SCHEMA_CURRENT, engine.getBean(MigrationsOnStart.class).path());
            assertTrue(engine.findBean(Flyway.class).isEmpty(), "no Flyway was configured");
        }
    }

    @Test
    void aDatabaseBehindTheJarIsMigratedByFlyway() throws SQLException {
        String database = newDatabase(null);
        String last = String.valueOf(PACKAGED);
        Flyway.configure().dataSource(serverUrl + database, "postgres", password).locations("classpath:db/migration")
                .target(String.valueOf(PACKAGED - 1)).load().migrate();
        assertEquals(PACKAGED - 1, history(database).size());

        try (ApplicationContext engine = start(database)) {
            assertEquals(Path.FLYWAY, engine.getBean(MigrationsOnStart.class).path());
        }
        List<String> history = history(database);
        assertEquals(PACKAGED, history.size());
        assertTrue(history.get(PACKAGED - 1).startsWith(last + " "), history.toString());
    }

    @Test
    void flywaySettingsReachFlywayAndAlwaysTakeTheSlowPath() throws SQLException {
        String database = newDatabase(null);

        try (ApplicationContext engine = start(database, Map.of("flyway.datasources.default.target", PACKAGED - 1))) {
            assertEquals(Path.FLYWAY, engine.getBean(MigrationsOnStart.class).path());
        }
        assertEquals(PACKAGED - 1, history(database).size(), "Flyway stopped at the target");
    }

    @Test
    void aTamperedChecksumFailsFlywaysValidation() throws SQLException {
        String database = newDatabase(migrated);
        execute(database, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '5'");

        String failure = refused(database);
        assertTrue(failure.contains("Migration checksum mismatch for migration version 5"), failure);
    }

    @Test
    void anAppliedVersionTheJarDoesNotCarryFailsFlywaysValidation() throws SQLException {
        String database = newDatabase(migrated);
        recordApplied(database, "5.5", "from elsewhere");

        String failure = refused(database);
        assertTrue(failure.contains("Detected applied migration not resolved locally: 5.5"), failure);
    }

    @Test
    void aFailedMigrationInTheHistoryFailsFlywaysValidation() throws SQLException {
        String database = newDatabase(migrated);
        execute(database, "UPDATE flyway_schema_history SET success = FALSE WHERE version = '" + PACKAGED + "'");

        String failure = refused(database);
        assertTrue(failure.contains("Detected failed migration to version " + PACKAGED), failure);
    }

    @Test
    void aVersionNewerThanTheJarIsLeftToFlywayWhichToleratesIt() throws SQLException {
        String database = newDatabase(migrated);
        recordApplied(database, "999", "from a newer jar");

        try (ApplicationContext engine = start(database)) {
            assertEquals(Path.FLYWAY, engine.getBean(MigrationsOnStart.class).path(),
                    "Flyway's default ignores future migrations (ignoreMigrationPatterns *:future)");
        }
    }

    /** An engine on the database, as far as its start goes: the data source (and so the migrations). */
    private static ApplicationContext start(String database) {
        return start(database, Map.of());
    }

    private static ApplicationContext start(String database, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("datasources.default.url", serverUrl + database);
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", password);
        properties.put("starshop.telegram.api-url", "http://127.0.0.1:9");
        ApplicationContext engine = ApplicationContext.run(properties, "test");
        try {
            engine.getBean(DataSource.class);
            return engine;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    private static String refused(String database) throws SQLException {
        List<String> before = history(database);
        Exception refused = assertThrows(Exception.class, () -> start(database).close());
        assertEquals(before, history(database), "nothing was migrated");
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("org.flywaydb.core.api.exception.FlywayValidateException"),
                messages.toString());
        return messages.toString();
    }

    /** A new database: empty, or a copy of {@code template}. */
    private static String newDatabase(String template) throws SQLException {
        String name = "migrations_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DelegatingDataSource.unwrapDataSource(shared.getBean(DataSource.class)).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        }
        return name;
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + database, "postgres", password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** "version script success", in installed_rank order. */
    private static List<String> history(String database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(serverUrl + database, "postgres", password);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT version, script, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getBoolean(3));
            }
        }
        return rows;
    }

    /** A successful history row at installed_rank 100 for a migration this jar does not carry. */
    private static void recordApplied(String database, String version, String description) throws SQLException {
        String script = "V" + version.replace('.', '_') + "__" + description.replace(' ', '_') + ".sql";
        execute(database, """
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                VALUES (100, '%s', '%s', 'SQL', '%s', 1, 'postgres', 1, TRUE)""".formatted(version, description, script));
    }
}

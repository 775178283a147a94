package dev.starshop.platform.installation;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Books belong to one bot or to the sandbox. Each test gets a brand-new database on the shared test
 * PostgreSQL and reaches it as an external database, with the check on (the test profile turns it
 * off for the shared database).
 */
class InstallationGuardTest {

    private static final String BOT_111 = "111:first-bot-secret-part-aaaaaaaaaaaaaaa";
    private static final String BOT_222 = "222:second-bot-secret-part-bbbbbbbbbbbbbb";

    private static ApplicationContext shared;
    private static String serverUrl;
    private static String password;

    @BeforeAll
    static void sharedServer() {
        shared = ApplicationContext.run("test");
        DatasourceConfiguration datasource = shared.getBean(DatasourceConfiguration.class, Qualifiers.byName("default"));
        serverUrl = datasource.getUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/");
        password = datasource.getPassword();
    }

    @AfterAll
    static void stopShared() {
        shared.close();
    }

    @Test
    void aDatabaseOfTheSandboxRefusesABotAndSaysHowToProceed() throws Exception {
        String database = newDatabase();
        start(database, null, false).close();

        Exception refused = assertThrows(Exception.class, () -> start(database, BOT_111, false).close());

        String message = messages(refused);
        assertTrue(message.contains("holds the books of the sandbox"), message);
        assertTrue(message.contains("runs for bot 111"), message);
        assertTrue(message.contains("STARSHOP_EMBEDDED_POSTGRES_DATA_DIR"), message);
        assertTrue(message.contains("DATASOURCES_DEFAULT_URL"), message);
        assertFalse(message.contains("first-bot-secret-part"), "the token's secret is never shown");
        assertEquals(List.of("SANDBOX"), owners(database));
    }

    @Test
    void aBotsDatabaseRefusesAnotherBotAndTheSandboxUntilAdopted() throws Exception {
        String database = newDatabase();
        start(database, BOT_111, false).close();
        start(database, BOT_111, false).close(); // the same bot again: fine

        String otherBot = messages(assertThrows(Exception.class, () -> start(database, BOT_222, false).close()));
        assertTrue(otherBot.contains("holds the books of bot 111"), otherBot);
        assertTrue(otherBot.contains("starshop.installation.adopt"), otherBot);
        String sandbox = messages(assertThrows(Exception.class, () -> start(database, null, true).close()));
        assertTrue(sandbox.contains("runs for the sandbox"), sandbox);

        assertDoesNotThrow(() -> start(database, BOT_222, true).close());
        String former = messages(assertThrows(Exception.class, () -> start(database, BOT_111, false).close()));
        assertTrue(former.contains("holds the books of bot 222"), former);
        assertEquals(List.of("BOT 111", "BOT 222 adopted"), owners(database));
    }

    private static ApplicationContext start(String database, String botToken, boolean adopt) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", serverUrl + database);
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", password);
        properties.put("starshop.installation.enabled", true);
        properties.put("starshop.installation.adopt", adopt);
        properties.put("starshop.telegram.api-url", "http://127.0.0.1:9");
        if (botToken != null) {
            properties.put("starshop.telegram.bot-token", botToken);
        }
        return ApplicationContext.run(properties, "test");
    }

    private static String newDatabase() throws SQLException {
        String name = "installation_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static List<String> owners(String database) throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection connection = java.sql.DriverManager.getConnection(serverUrl + database, "postgres", password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT mode, bot_id, adopted FROM installation_owners ORDER BY id")) {
            while (rows.next()) {
                long botId = rows.getLong("bot_id");
                String owner = rows.wasNull() ? rows.getString("mode") : rows.getString("mode") + " " + botId;
                owners.add(rows.getBoolean("adopted") ? owner + " adopted" : owner);
            }
        }
        return owners;
    }

    private static Connection connect() throws SQLException {
        return DelegatingDataSource.unwrapDataSource(shared.getBean(DataSource.class)).getConnection();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}

package dev.starshop.platform.migration;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** micronaut-flyway's setting names, from a configuration file or environment variables, as Flyway's keys. */
class FlywaySettingsTest {

    @Test
    void settingsFromAConfigurationFileBecomeFlywaysKeys() {
        Map<String, String> flyway = settings(PropertySource.of("file", Map.of(
                "flyway.datasources.default.enabled", true,
                "flyway.datasources.default.baseline-on-migrate", true,
                "flyway.datasources.default.placeholders.shop-name", "Starshop",
                "flyway.datasources.default.properties.flyway.postgresql.transactional.lock", "false",
                "flyway.datasources.default.locations", List.of("classpath:db/migration", "classpath:more"))));

        assertEquals(Map.of(
                "flyway.baselineOnMigrate", "true",
                "flyway.placeholders.shop-name", "Starshop",
                "flyway.postgresql.transactional.lock", "false",
                "flyway.locations", "classpath:db/migration,classpath:more"), flyway);
    }

    @Test
    void environmentVariablesGiveTheSameKeysAsTheFile() {
        Map<String, String> flyway = settings(PropertySource.of("env", Map.of(
                "FLYWAY_DATASOURCES_DEFAULT_BASELINE_ON_MIGRATE", "true",
                "FLYWAY_DATASOURCES_DEFAULT_TARGET", "22",
                "FLYWAY_DATASOURCES_DEFAULT_LOCATIONS", "classpath:db/migration"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));

        assertEquals(Map.of(
                "flyway.baselineOnMigrate", "true",
                "flyway.target", "22",
                "flyway.locations", "classpath:db/migration"), flyway);
    }

    @Test
    void theEnginesOwnSettingsAreJustTheLocation() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertEquals(Map.of("flyway.locations", "classpath:db/migration"), FlywaySettings.of(context, "default"));
            assertTrue(FlywaySettings.enabled(context, "default"));
            assertFalse(context.getProperty("flyway.enabled", Boolean.class).orElseThrow(),
                    "micronaut-flyway's own run stays off");
        }
    }

    @Test
    void anotherDatabaseForTheMigrationsIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> settings(PropertySource.of(
                "file", Map.of("flyway.datasources.default.url", "jdbc:postgresql://elsewhere/db"))));
        assertTrue(refused.getMessage().contains("flyway.datasources.default.url"), refused.getMessage());
    }

    private static Map<String, String> settings(PropertySource source) {
        try (ApplicationContext context = ApplicationContext.builder().propertySources(source).build()) {
            context.getEnvironment().start();
            return FlywaySettings.of(context, "default");
        }
    }
}

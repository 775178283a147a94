package dev.starshop.platform.migration;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The slow path: Flyway itself, configured from {@link FlywaySettings}, migrates (or fails its
 * validation) exactly as it did when micronaut-flyway ran it on the data source's creation. The only
 * class of the engine that refers to Flyway, so Flyway's classes (and the Jackson its configuration
 * loads) are loaded only when this runs.
 */
final class FlywayMigration {

    private FlywayMigration() {
    }

    static int migrate(DataSource dataSource, Map<String, String> settings, ClassLoader classLoader) {
        Flyway flyway = Flyway.configure(classLoader).dataSource(dataSource).configuration(settings).load();
        return flyway.migrate().migrationsExecuted;
    }
}

package dev.starshop.platform.migration;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the database to the jar's migrations while the data source is created, so before any
 * controller exists and before anything answers (as micronaut-flyway did; its own run is off,
 * {@code flyway.enabled: false} in application.yml). When {@code flyway_schema_history} already holds
 * exactly the jar's migrations ({@link SchemaCurrency}), Flyway is not loaded at all; in every other
 * case — a fresh database, a pending migration, any difference, a failure of the check itself — Flyway
 * runs and migrates or fails its validation ({@link FlywayMigration}). docs/operations.md, "Migrations".
 */
@Singleton
final class MigrationsOnStart implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationsOnStart.class);
    private static final Map<String, String> FAST_PATH_SETTINGS = Map.of("flyway.locations", "classpath:db/migration");

    /** How a start brought its database to the jar's migrations. */
    enum Path { SCHEMA_CURRENT, FLYWAY, DISABLED }

    private final ApplicationContext context;
    /** Micronaut Data's, which unwraps its transaction-aware data source (as micronaut-flyway resolves it). */
    private final DataSourceResolver dataSourceResolver;
    private volatile Path path;

    MigrationsOnStart(ApplicationContext context, @Nullable DataSourceResolver dataSourceResolver) {
        this.context = context;
        this.dataSourceResolver = dataSourceResolver == null ? DataSourceResolver.DEFAULT : dataSourceResolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        String name = event.getBeanDefinition() instanceof NameResolver resolver
                ? resolver.resolveName().orElse("default") : "default";
        if (!context.containsProperties(FlywaySettings.PREFIX + name)) {
            return event.getBean();
        }
        bringUpToDate(name, dataSourceResolver.resolve(event.getBean()));
        return event.getBean();
    }

    /** Null before the data source was created. */
    Path path() {
        return path;
    }

    private void bringUpToDate(String name, DataSource dataSource) {
        if (!FlywaySettings.enabled(context, name)) {
            LOG.info("Migrations are off for data source {} (flyway.datasources.{}.enabled=false)", name, name);
            path = Path.DISABLED;
            return;
        }
        Map<String, String> settings = FlywaySettings.of(context, name);
        long started = System.nanoTime();
        Optional<String> whyFlyway = whyFlyway(settings, dataSource);
        if (whyFlyway.isEmpty()) {
            LOG.info("Schema is current: flyway_schema_history matches the jar's migrations, checked in {} ms; Flyway not started",
                    (System.nanoTime() - started) / 1_000_000);
            path = Path.SCHEMA_CURRENT;
            return;
        }
        LOG.info("Running Flyway on data source {}: {}", name, whyFlyway.get());
        path = Path.FLYWAY;
        int executed = FlywayMigration.migrate(dataSource, settings, context.getClassLoader());
        LOG.info("Flyway done: {} migration(s) applied", executed);
    }

    private Optional<String> whyFlyway(Map<String, String> settings, DataSource dataSource) {
        if (!settings.equals(FAST_PATH_SETTINGS)) {
            return Optional.of("the Flyway settings are not the engine's own " + FAST_PATH_SETTINGS + ": " + settings);
        }
        try {
            Optional<List<PackagedMigration>> packaged = PackagedMigrations.read(context.getClassLoader());
            if (packaged.isEmpty()) {
                return Optional.of("db/migration holds a file other than a plain versioned SQL migration");
            }
            return SchemaCurrency.whyNotCurrent(packaged.get(), SchemaHistory.read(dataSource));
        } catch (Exception e) {
            return Optional.of("the history could not be checked (" + e.getMessage() + ")");
        }
    }
}

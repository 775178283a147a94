package dev.starshop.platform;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.micronaut.core.value.PropertyResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/**
 * Points the default datasource at an embedded PostgreSQL when no URL is configured.
 *
 * <p>It must run while the datasource configuration is initialised: Hikari validates the URL as
 * soon as the pool bean is constructed, so a later hook would be too late. When the engine was
 * started by {@link HeadStartMicronaut}, the server has been starting since the configuration was read
 * ({@link EmbeddedPostgresHeadStart}) and is taken over here; otherwise (tests, other contexts) it
 * starts here. Either way this bean owns it and stops it with the context.
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
final class EmbeddedPostgresBootstrap implements BeanInitializedEventListener<DatasourceConfiguration> {

    private final EmbeddedPostgresSettings settings;
    private final boolean sandbox;
    private EmbeddedPostgresServer server;

    EmbeddedPostgresBootstrap(EmbeddedPostgresSettings settings, Environment environment) {
        this.settings = settings;
        this.sandbox = sandbox(environment);
    }

    /** No bot token configured: the engine runs its sandbox, whose books live apart. */
    static boolean sandbox(PropertyResolver configuration) {
        return configuration.get("starshop.telegram.bot-token", String.class)
                .filter(token -> !token.isBlank()).isEmpty();
    }

    @Override
    public synchronized DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (datasource.getConfiguredUrl() == null) {
            if (server == null) {
                Path dataDir = settings.dataDirFor(sandbox);
                server = EmbeddedPostgresHeadStart.claim(settings, dataDir)
                        .orElseGet(() -> EmbeddedPostgresServer.start(settings, dataDir));
            }
            datasource.setUrl(server.jdbcUrl());
            datasource.setUsername(EmbeddedPostgresServer.USER);
            datasource.setPassword(server.password());
        }
        return datasource;
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.close();
        }
    }
}

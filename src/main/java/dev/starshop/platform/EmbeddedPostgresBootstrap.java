package dev.starshop.platform;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Points the default datasource at an embedded PostgreSQL when no URL is configured.
 *
 * <p>It must run while the datasource configuration is initialised: Hikari validates the URL as
 * soon as the pool bean is constructed, so a later hook would be too late.
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
final class EmbeddedPostgresBootstrap implements BeanInitializedEventListener<DatasourceConfiguration> {

    private final EmbeddedPostgresSettings settings;
    private final boolean sandbox;
    private EmbeddedPostgresServer server;

    EmbeddedPostgresBootstrap(EmbeddedPostgresSettings settings, Environment environment) {
        this.settings = settings;
        this.sandbox = environment.getProperty("starshop.telegram.bot-token", String.class)
                .filter(token -> !token.isBlank()).isEmpty();
    }

    @Override
    public synchronized DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (datasource.getConfiguredUrl() == null) {
            if (server == null) {
                server = EmbeddedPostgresServer.start(settings, settings.dataDirFor(sandbox));
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

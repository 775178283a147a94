package dev.starshop.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.runtime.Micronaut;

/**
 * Micronaut's start with two additions: once the configuration is read, and before Micronaut
 * discovers and creates its beans, the embedded PostgreSQL starts on a thread of its own
 * ({@link EmbeddedPostgresHeadStart}). The configuration it reads is the engine's own (the same
 * environment the beans are bound from), so no setting is read twice in two ways. And the
 * configuration files are read from the jar without opening it as a zip file system
 * ({@link JarEntryResourceLoader}).
 */
public final class HeadStartMicronaut extends Micronaut {

    private ClassPathResourceLoader resourceLoader;

    @Override
    public synchronized ClassPathResourceLoader getResourceLoader() {
        if (resourceLoader == null) {
            resourceLoader = new JarEntryResourceLoader(getClassLoader());
        }
        return resourceLoader;
    }

    @Override
    protected ApplicationContext newApplicationContext() {
        return new DefaultApplicationContext(this) {
            @Override
            protected void startEnvironment() {
                super.startEnvironment();
                EmbeddedPostgresHeadStart.begin(getEnvironment());
            }
        };
    }
}

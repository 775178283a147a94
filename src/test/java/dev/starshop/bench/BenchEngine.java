package dev.starshop.bench;

import dev.starshop.support.StandalonePostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The engine in this JVM, on real HTTP and a {@link StandalonePostgres}, in sandbox mode (its Bot
 * API emulator inside). In-process rather than a separate jar so the whole run is one command on
 * whichever JDK runs Maven, and the sandbox's test hooks are reachable; the HTTP is real all the same.
 */
final class BenchEngine implements AutoCloseable {

    static final String WEBHOOK_SECRET = "bench-webhook-secret";
    static final String WEBHOOK_PATH = "/telegram/webhook";

    private final EmbeddedServer server;

    private BenchEngine(EmbeddedServer server) {
        this.server = server;
    }

    /** Starts the engine; {@code extra} adds or overrides configuration. */
    static BenchEngine start(StandalonePostgres postgres, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(postgres.engineProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("starshop.telegram.webhook-secret", WEBHOOK_SECRET);
        properties.put("starshop.telegram.setup", false);
        properties.put("starshop.reconciliation.enabled", false);
        properties.put("starshop.admin-token", "bench-admin-token");
        properties.putAll(extra);
        return new BenchEngine(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    URI baseUrl() {
        return server.getURI();
    }

    URI webhook() {
        return server.getURI().resolve(WEBHOOK_PATH);
    }

    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}

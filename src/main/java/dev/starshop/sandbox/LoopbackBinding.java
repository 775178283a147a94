package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * In sandbox mode anyone who reaches the HTTP port can play Telegram: create users, pay invoices,
 * read chats. So the server listens on loopback only, unless the operator asks otherwise with
 * {@code starshop.sandbox.expose=true} or an explicit {@code micronaut.server.host}; then a
 * warning says so at start-up.
 *
 * <p>A listener on the server configuration rather than a default in a property source: the
 * default depends on another property (the bot token), and an explicit host in any source
 * (file, environment variable, system property) must win. The listener runs when the Netty
 * configuration is created, before the server that reads the host is built. (An initialized-event
 * listener is never called for this bean: it has no initialization phase.)
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class LoopbackBinding implements BeanCreatedEventListener<NettyHttpServerConfiguration> {

    static final String EXPOSE = "starshop.sandbox.expose";
    static final String HOST = "micronaut.server.host";
    static final String LISTENERS = "micronaut.server.netty.listeners";
    static final String LOOPBACK = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackBinding.class);

    /** Where the server listens; {@code host} null means every interface. */
    record Decision(@Nullable String host, boolean setHost, boolean exposed) {
    }

    private final Environment environment;
    private final boolean expose;

    LoopbackBinding(Environment environment, @Value("${starshop.sandbox.expose:false}") boolean expose) {
        this.environment = environment;
        this.expose = expose;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        Decision decision = decide(expose,
                environment.getProperty(HOST, String.class).orElse(null),
                environment.containsProperties(LISTENERS));
        if (decision.setHost()) {
            server.setHost(decision.host());
        }
        if (decision.exposed()) {
            LOG.warn("""

                    *** SANDBOX EXPOSED ***
                    No bot token is set, so the built-in Telegram emulator is running, and the server listens on {}.
                    Anyone who can reach this port can create users, pay invoices and read chats.
                    Unset {} and {} to listen on {} only.""",
                    decision.host() == null ? "every interface" : decision.host(), EXPOSE, HOST, LOOPBACK);
        }
        return server;
    }

    static Decision decide(boolean expose, @Nullable String configuredHost, boolean listenersConfigured) {
        if (configuredHost != null && !configuredHost.isBlank()) {
            return new Decision(configuredHost, false, !isLoopback(configuredHost));
        }
        if (listenersConfigured) {
            // Explicit listeners carry their own hosts; the operator chose them.
            return new Decision(null, false, true);
        }
        if (expose) {
            return new Decision(null, false, true);
        }
        return new Decision(LOOPBACK, true, false);
    }

    static boolean isLoopback(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}

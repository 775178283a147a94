package dev.starshop.events;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The endpoints events go to: the configured ones (kept in step with {@code STARSHOP_EVENTS_URL} at
 * start-up), those added in the console, and in sandbox mode the built-in receiver page.
 */
@Singleton
public class EventEndpoints {

    /** An endpoint and, right after it was made or its secret renewed, the secret (shown once). */
    record Created(EventEndpoint endpoint, String secret) {
    }

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final ShopEvents events;
    private final EventSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final BeanProvider<EmbeddedServer> server;
    private final String publicUrl;
    private final Clock clock;

    EventEndpoints(EndpointRepository endpoints, DeliveryRepository deliveries, ShopEvents events,
                   EventSettings settings, TransactionOperations<Connection> transactions,
                   BeanProvider<EmbeddedServer> server, @Value("${starshop.public-url:}") @Nullable String publicUrl,
                   Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.events = events;
        this.settings = settings;
        this.transactions = transactions;
        this.server = server;
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip();
        this.clock = clock;
    }

    /**
     * Makes the configured endpoints match {@code STARSHOP_EVENTS_URL}: each URL is checked like a
     * console one (a bad one stops the start with the reason), added or re-enabled, and signed with
     * {@code STARSHOP_EVENTS_SECRET} when set, else with the secret it already has or a new one.
     */
    void syncConfigured() {
        List<String> urls = settings.urls().stream().map(this::checked).toList();
        String configuredSecret = settings.secret() == null || settings.secret().isBlank() ? null : settings.secret().strip();
        transactions.executeWrite(status -> {
            for (String url : urls) {
                EventEndpoint endpoint = endpoints.upsert(url, EventSignature.newSecret(), EventEndpoint.Origin.CONFIG,
                        clock.instant());
                if (configuredSecret != null && !configuredSecret.equals(endpoint.secret())) {
                    endpoints.setSecret(endpoint.id(), configuredSecret);
                }
            }
            endpoints.disableConfiguredExcept(urls);
            return null;
        });
    }

    /**
     * The sandbox's receiver page: an endpoint on the engine itself, allowed because the engine makes
     * it. The receiver of an earlier run on another port is switched off.
     */
    public long ensureBuiltIn(String url) {
        return transactions.executeWrite(status -> {
            endpoints.disableBuiltInsExcept(url);
            return endpoints.byUrl(url).filter(EventEndpoint::enabled)
                    .orElseGet(() -> endpoints.upsert(url, EventSignature.newSecret(), EventEndpoint.Origin.SANDBOX,
                            clock.instant()));
        }).id();
    }

    /** The current secret of an endpoint (the sandbox receiver verifies with it). */
    public String secretOf(long endpointId) {
        return transactions.executeRead(status -> deliveries.secretOf(endpointId));
    }

    List<EventEndpoint> all() {
        return transactions.executeRead(status -> endpoints.all());
    }

    Created create(String url) {
        String checked = checked(url);
        return transactions.executeWrite(status -> {
            if (endpoints.byUrl(checked).filter(EventEndpoint::enabled).isPresent()) {
                throw new ProblemException(ProblemCode.INVALID_STATE, "An endpoint with this URL exists already",
                        Map.of("url", checked));
            }
            String secret = EventSignature.newSecret();
            EventEndpoint endpoint = endpoints.upsert(checked, secret, EventEndpoint.Origin.CONSOLE, clock.instant());
            endpoints.setSecret(endpoint.id(), secret);
            return new Created(endpoints.find(endpoint.id()).orElseThrow(), secret);
        });
    }

    /** A new secret, returned once; deliveries from now on are signed with it. */
    Created renewSecret(long id) {
        return transactions.executeWrite(status -> {
            EventEndpoint endpoint = existing(id);
            String secret = EventSignature.newSecret();
            endpoints.setSecret(id, secret);
            return new Created(endpoint, secret);
        });
    }

    /** Stops sending to an endpoint the console added; its deliveries stay listed. */
    void disable(long id) {
        transactions.executeWrite(status -> {
            EventEndpoint endpoint = existing(id);
            if (endpoint.origin() == EventEndpoint.Origin.CONFIG) {
                throw new ProblemException(ProblemCode.INVALID_STATE,
                        "This endpoint comes from STARSHOP_EVENTS_URL; remove it there");
            }
            endpoints.disable(id);
            return null;
        });
    }

    /** Queues an {@code event.test} to one endpoint and returns its delivery. */
    Delivery sendTest(long id) {
        return transactions.executeWrite(status -> {
            EventEndpoint endpoint = existing(id);
            if (!endpoint.enabled()) {
                throw new ProblemException(ProblemCode.INVALID_STATE, "The endpoint is switched off");
            }
            UUID eventId = events.publishTo(List.of(endpoint), EventType.TEST, null,
                    Map.of("message", "A test event from Starshop's console", "endpointId", id));
            return deliveries.byEvent(eventId, id).orElseThrow();
        });
    }

    private EventEndpoint existing(long id) {
        return endpoints.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND,
                "No event endpoint " + id));
    }

    private String checked(String url) {
        return EndpointUrls.check(url, settings.allowPrivateTargets(), selfAddresses());
    }

    /** host:port pairs that reach this engine: its server's address, "localhost" with its port, the public URL. */
    private Set<String> selfAddresses() {
        Set<String> self = new HashSet<>();
        if (server.isPresent()) {
            EmbeddedServer s = server.get();
            self.add(s.getHost().toLowerCase(Locale.ROOT) + ":" + s.getPort());
            self.add("localhost:" + s.getPort());
        }
        if (!publicUrl.isEmpty()) {
            URI uri = URI.create(publicUrl);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            if (uri.getHost() != null) {
                self.add(uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
            }
        }
        return self;
    }
}

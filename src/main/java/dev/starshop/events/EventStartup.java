package dev.starshop.events;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start-up: configured endpoints in step with the configuration, and a word on typos in alert switches. */
@Singleton
class EventStartup {

    private static final Logger LOG = LoggerFactory.getLogger(EventStartup.class);

    private final EventEndpoints endpoints;
    private final OperatorSettings operator;

    EventStartup(EventEndpoints endpoints, OperatorSettings operator) {
        this.endpoints = endpoints;
        this.operator = operator;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        endpoints.syncConfigured();
        if (!operator.unknownKindsOff().isEmpty()) {
            LOG.warn("starshop.operator.muted names no alert kind: {} (kinds: order-paid, needs-review, refund, "
                    + "chargeback, delivery-failed, code-pool-low, reconciliation, subscription-cancelled, "
                    + "endpoint-failing)", operator.unknownKindsOff());
        }
    }
}

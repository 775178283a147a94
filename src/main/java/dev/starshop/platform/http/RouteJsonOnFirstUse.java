package dev.starshop.platform.http;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.body.NettyJsonHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Takes the routes' JSON serializers off the start. Micronaut 4.10 builds its router while the server
 * starts, and each route asks the JSON body handler for a writer specific to its return type
 * ({@code DefaultRouteInfo} → {@code NettyJsonHandler.createSpecific} → {@code JsonMapper.createSpecific}),
 * for which serde builds that type's serializer and deserializer: for every JSON route, used or not,
 * about a tenth of the main thread's start (docs/performance.md, "Start-up decisions", round 9).
 *
 * <p>This replaces the JSON body handler, as it is created, with Micronaut's own handler over a
 * {@link DeferredJsonMapper}: the same class, the same bean definition (media types, order), the same
 * mapper for everything but {@code createSpecific}, whose specific mapper is built when the route first
 * writes (or reads) a body, and is the mapper the eager build would have made. The JSON written is the
 * same; {@code RouteJsonOnFirstUseTest} holds both.
 */
@Singleton
final class RouteJsonOnFirstUse implements BeanCreatedEventListener<NettyJsonHandler<?>> {

    /** The mapper Micronaut built the handler with (its only JsonMapper bean, injected by type). */
    private final BeanProvider<JsonMapper> mapper;
    private final SpecificMapperTally tally = new SpecificMapperTally();

    RouteJsonOnFirstUse(BeanProvider<JsonMapper> mapper) {
        this.mapper = mapper;
    }

    @Override
    public NettyJsonHandler<?> onCreated(BeanCreatedEvent<NettyJsonHandler<?>> event) {
        return new NettyJsonHandler<>(DeferredJsonMapper.over(mapper.get(), tally));
    }

    SpecificMapperTally tally() {
        return tally;
    }
}

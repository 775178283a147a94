package dev.starshop.platform.http;

import dev.starshop.platform.problem.Problem;
import dev.starshop.platform.problem.ProblemCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.netty.body.NettyJsonHandler;
import io.micronaut.http.simple.SimpleHttpHeaders;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routes' JSON serializers are built on a route's first response, not while the router is built
 * ({@link RouteJsonOnFirstUse}), and what a route writes is what Micronaut's eager writer writes.
 */
@MicronautTest(transactional = false)
class RouteJsonOnFirstUseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    RouteJsonOnFirstUse routeJson;

    @Test
    void theRouterHoldsEveryJsonWriterUnbuilt() {
        // uriRoutes() lists every route twice here (seen in Micronaut 4.10): count each route once.
        Set<Object> routes = Collections.newSetFromMap(new IdentityHashMap<>());
        router.uriRoutes().filter(route -> route.getMessageBodyWriter() instanceof NettyJsonHandler)
                .forEach(routes::add);
        int jsonRoutes = routes.size();
        SpecificMapperTally tally = routeJson.tally();

        assertTrue(jsonRoutes > 50, "JSON routes: " + jsonRoutes);
        assertTrue(tally.deferredCount() >= jsonRoutes,
                tally.deferredCount() + " deferred for " + jsonRoutes + " routes");
        assertTrue(tally.createdCount() < jsonRoutes / 2,
                tally.createdCount() + " of " + jsonRoutes + " routes' serializers built before they were asked");
    }

    @Test
    void aWriterBuildsItsSerializerWithItsFirstBodyAndOnlyThen() {
        SpecificMapperTally tally = new SpecificMapperTally();
        var writer = new NettyJsonHandler<Problem>(DeferredJsonMapper.over(jsonMapper, tally))
                .createSpecific(Argument.of(Problem.class));
        assertEquals(1, tally.deferredCount());
        assertEquals(0, tally.createdCount());

        write(writer, Argument.of(Problem.class), Problem.of(ProblemCode.NOT_FOUND, "first"));
        assertEquals(1, tally.createdCount());

        write(writer, Argument.of(Problem.class), Problem.of(ProblemCode.NOT_FOUND, "second"));
        assertEquals(1, tally.createdCount());
    }

    @Test
    void itWritesWhatTheEagerWriterWrites() {
        Problem withExtensions = Problem.of(ProblemCode.NOT_FOUND, null, Map.of("orderId", 42L));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", List.of(1, 2));
        map.put("a", null);

        assertSameJson(Argument.of(Problem.class), withExtensions);
        assertSameJson(Argument.listOf(Problem.class), List.of(withExtensions, Problem.of(ProblemCode.NOT_FOUND, "x")));
        assertSameJson(Argument.mapOf(String.class, Object.class), map);
        Sample inner = new Sample("inner", 0, null, 1.5, null, List.of());
        assertSameJson(Argument.of(Sample.class), new Sample("é \"quoted\"", 9_007_199_254_740_993L,
                Instant.parse("2026-12-06T14:00:00.123456Z"), null, Kind.SECOND, List.of(inner)));
        assertSameJson(Argument.OBJECT_ARGUMENT, "a plain string");
    }

    @Test
    void aRoutesResponseIsWhatTheEagerWriterWritesForIt() {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET("/api/catalog"), byte[].class);
        UriRouteInfo<?, ?> route = router.uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().equals("/api/catalog")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Argument<Object> type = (Argument<Object>) route.getResponseBodyType();
        byte[] served = response.body();

        Object value = read(type, served);
        assertEquals("application/json", response.getContentType().orElseThrow().toString());
        assertEquals(new String(write(new NettyJsonHandler<>(jsonMapper).createSpecific(type), type, value),
                StandardCharsets.UTF_8), new String(served, StandardCharsets.UTF_8));
    }

    private <T> void assertSameJson(Argument<T> type, T value) {
        var eager = new NettyJsonHandler<T>(jsonMapper).createSpecific(type);
        var deferred = new NettyJsonHandler<T>(DeferredJsonMapper.over(jsonMapper, new SpecificMapperTally()))
                .createSpecific(type);
        MutableHeaders eagerHeaders = new SimpleHttpHeaders();
        MutableHeaders deferredHeaders = new SimpleHttpHeaders();

        byte[] expected = write(eager, type, value, eagerHeaders);
        byte[] actual = write(deferred, type, value, deferredHeaders);

        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
        assertArrayEquals(expected, actual);
        assertEquals(eagerHeaders.get("Content-Type"), deferredHeaders.get("Content-Type"));
    }

    private Object read(Argument<Object> type, byte[] json) {
        try {
            return jsonMapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> byte[] write(MessageBodyWriter<T> writer, Argument<T> type, T value) {
        return write(writer, type, value, new SimpleHttpHeaders());
    }

    private static <T> byte[] write(MessageBodyWriter<T> writer, Argument<T> type, T value,
                                    MutableHeaders headers) {
        var out = new ByteArrayOutputStream();
        writer.writeTo(type, MediaType.APPLICATION_JSON_TYPE, value, headers, out);
        return out.toByteArray();
    }

    enum Kind { FIRST, SECOND }

    @Serdeable
    record Sample(String text, long big, @Nullable Instant at, @Nullable Double ratio, @Nullable Kind kind,
                  List<Sample> children) {
    }
}

package dev.starshop.security;

import dev.starshop.buyer.Buyer;
import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.platform.web.PublicRoute;
import dev.starshop.support.PathSpellings;
import dev.starshop.support.RawRequest;
import dev.starshop.telegram.webhook.TelegramOnly;
import io.micronaut.core.type.Argument;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route the router knows, read at test time, belongs to exactly one declared access class
 * (docs/security.md). A new route without a class fails the build; so does a route under
 * {@code /api/admin} without {@link AdminOnly}. Every protected route is then requested without
 * credentials under every spelling of its path and every method: no answer may be 2xx.
 */
@MicronautTest(transactional = false)
class RouteInventoryTest {

    /** Who may call a route, and what guards it. */
    enum Access {
        /** Anyone: declared with {@link PublicRoute}. */
        PUBLIC,
        /** A Mini App user: the route takes a {@link Buyer}, bound only from verified initData. */
        BUYER,
        /** The operator: {@link AdminOnly}, the admin bearer token. */
        ADMIN,
        /** Telegram: {@link TelegramOnly}, the webhook secret. */
        TELEGRAM,
        /** The emulator: beans that exist only without a bot token (see SandboxRoutesInProductionTest). */
        SANDBOX,
        /** Micronaut's management endpoints: health (details for the admin token), metrics (admin token). */
        OPERATIONS
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}?&#/]+)}");
    private static final Pattern QUERY_VARIABLES = Pattern.compile("\\{[?&#][^}]*}");

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    @Test
    void everyRouteHasExactlyOneAccessClass() {
        List<String> unclassified = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes()) {
            Set<Access> classes = classesOf(route);
            if (classes.size() != 1) {
                unclassified.add(describe(route) + " -> " + classes);
            }
        }
        assertEquals(List.of(), unclassified, "every route needs exactly one access class (docs/security.md)");
    }

    @Test
    void everyAdminPathIsAdminOnlyAndEveryAdminOnlyRouteIsUnderTheAdminPath() {
        List<String> wrong = routes().stream()
                .filter(route -> template(route).startsWith("/api/admin") != classesOf(route).equals(Set.of(Access.ADMIN)))
                .map(RouteInventoryTest::describe)
                .toList();
        assertEquals(List.of(), wrong);
    }

    @Test
    void theInventoryCoversTheKnownDoors() {
        Map<Access, Long> counts = routes().stream().collect(Collectors.groupingBy(
                route -> classesOf(route).iterator().next(), Collectors.counting()));
        assertTrue(counts.keySet().containsAll(EnumSet.allOf(Access.class)), () -> "classes found: " + counts);
        assertTrue(routes().stream().anyMatch(route -> template(route).equals("/telegram/webhook")
                && classesOf(route).equals(Set.of(Access.TELEGRAM))), "the webhook is Telegram-only");
    }

    @Test
    void noProtectedRouteAnswers2xxWithoutCredentialsUnderAnySpellingOrMethod() {
        List<String> open = new ArrayList<>();
        int requests = 0;
        for (UriRouteInfo<?, ?> route : routes()) {
            Set<Access> classes = classesOf(route);
            if (!classes.contains(Access.BUYER) && !classes.contains(Access.ADMIN)
                    && !classes.contains(Access.TELEGRAM) && !isMetrics(route)) {
                continue;
            }
            for (String spelling : PathSpellings.of(concretePath(route))) {
                for (String method : PathSpellings.METHODS) {
                    RawRequest.Answer answer = RawRequest.send(server.getURI(), method, spelling,
                            Map.of("Content-Type", "application/json"), body(method));
                    requests++;
                    if (answer.isSuccess()) {
                        open.add(method + " " + spelling + " (" + describe(route) + ") -> " + answer.status());
                    }
                }
            }
        }
        assertTrue(requests > 1_000, "too few requests tried: " + requests);
        assertEquals(List.of(), open, "protected routes answered 2xx without credentials");
    }

    private List<UriRouteInfo<?, ?>> routes() {
        return router.uriRoutes().toList();
    }

    static Set<Access> classesOf(UriRouteInfo<?, ?> route) {
        Set<Access> classes = EnumSet.noneOf(Access.class);
        var metadata = route.getAnnotationMetadata();
        if (metadata.hasStereotype(PublicRoute.class)) {
            classes.add(Access.PUBLIC);
        }
        if (metadata.hasStereotype(AdminOnly.class)) {
            classes.add(Access.ADMIN);
        }
        if (metadata.hasStereotype(TelegramOnly.class)) {
            classes.add(Access.TELEGRAM);
        }
        if (route.getTargetMethod().getArguments().length > 0
                && java.util.Arrays.stream(route.getTargetMethod().getArguments()).anyMatch(a -> a.getType() == Buyer.class)) {
            classes.add(Access.BUYER);
        }
        if (route.getDeclaringType().getPackageName().startsWith("dev.starshop.sandbox")) {
            classes.add(Access.SANDBOX);
        }
        if (metadata.hasStereotype(Endpoint.class)) {
            classes.add(Access.OPERATIONS);
        }
        return classes;
    }

    private static boolean isMetrics(UriRouteInfo<?, ?> route) {
        return route.getAnnotationMetadata().stringValue(Endpoint.class).orElse("").equals("prometheus");
    }

    static String template(UriRouteInfo<?, ?> route) {
        return QUERY_VARIABLES.matcher(route.getUriMatchTemplate().toString()).replaceAll("");
    }

    /** The template with each variable filled by a value of its argument's type. */
    static String concretePath(UriRouteInfo<?, ?> route) {
        Matcher variables = VARIABLE.matcher(template(route));
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(path, sampleValue(route, variables.group(1).replaceAll("[:*+].*$", "")));
        }
        variables.appendTail(path);
        return path.isEmpty() ? "/" : path.toString();
    }

    private static String sampleValue(UriRouteInfo<?, ?> route, String name) {
        for (Argument<?> argument : route.getTargetMethod().getArguments()) {
            if (argument.getName().equals(name)) {
                Class<?> type = argument.getType();
                if (type == UUID.class) {
                    return UUID.randomUUID().toString();
                }
                if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                    return "1";
                }
            }
        }
        return "demo";
    }

    private static byte[] body(String method) {
        return method.equals("GET") || method.equals("HEAD") ? new byte[0]
                : "{\"update_id\":1,\"items\":[],\"status\":\"paid\"}".getBytes(StandardCharsets.UTF_8);
    }

    static String describe(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate() + " "
                + route.getDeclaringType().getSimpleName() + "." + route.getTargetMethod().getMethodName();
    }
}

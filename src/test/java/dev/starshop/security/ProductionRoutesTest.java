package dev.starshop.security;

import dev.starshop.support.PathSpellings;
import dev.starshop.support.RawRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With a bot token the engine is in production mode: the emulator and its host do not exist, so
 * no route is of the sandbox class and no spelling of a sandbox path answers 2xx. The other
 * routes keep exactly one access class each, as in sandbox mode.
 */
class ProductionRoutesTest {

    private static final Map<String, Object> PRODUCTION = Map.of(
            "starshop.telegram.bot-token", "4343:production-routes-test-token-aaaaaaaaaa",
            "starshop.telegram.api-url", "http://127.0.0.1:9",
            "starshop.telegram.setup", false,
            "micronaut.server.port", -1);

    @Test
    void noSandboxRouteExistsAndNoSandboxPathAnswers2xx() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, PRODUCTION, "test")) {
            Router router = server.getApplicationContext().getBean(Router.class);
            List<String> sandboxRoutes = router.uriRoutes()
                    .filter(route -> RouteInventoryTest.classesOf(route).contains(RouteInventoryTest.Access.SANDBOX))
                    .map(RouteInventoryTest::describe).toList();
            List<String> unclassified = router.uriRoutes()
                    .filter(route -> RouteInventoryTest.classesOf(route).size() != 1)
                    .map(RouteInventoryTest::describe).toList();
            List<String> open = new ArrayList<>();
            for (String path : Set.of("/sandbox", "/sandbox/api/users", "/sandbox/host/host.js",
                    "/sandbox/bot4343:production-routes-test-token-aaaaaaaaaa/getMe", "/sandbox/api/host/launch?userId=1")) {
                for (String spelling : PathSpellings.of(path)) {
                    for (String method : PathSpellings.METHODS) {
                        RawRequest.Answer answer = RawRequest.send(server.getURI(), method, spelling, Map.of(), new byte[0]);
                        if (answer.isSuccess()) {
                            open.add(method + " " + spelling + " -> " + answer.status());
                        }
                    }
                }
            }

            assertEquals(List.of(), sandboxRoutes);
            assertEquals(List.of(), unclassified);
            assertEquals(List.of(), open);
        }
    }
}

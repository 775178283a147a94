package dev.starshop.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping the server (what SIGTERM does) lets a request in flight finish, database included. */
class GracefulShutdownTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);

    @Test
    void anInFlightRequestCompletesWhileTheServerStops() throws Exception {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("spec.name", "GracefulShutdownTest", "micronaut.server.port", -1));
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/test/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(STARTED.await(10, TimeUnit.SECONDS), "the slow request reached the controller");

        server.stop();

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("finished with database answer 1", response.body());
    }

    @Controller("/test")
    @Requires(property = "spec.name", value = "GracefulShutdownTest")
    static class SlowController {

        private final DataSource dataSource;

        SlowController(DataSource dataSource) {
            this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        }

        @Get("/slow")
        @ExecuteOn(TaskExecutors.BLOCKING)
        String slow() throws InterruptedException, SQLException {
            STARTED.countDown();
            Thread.sleep(1500);
            try (Connection connection = dataSource.getConnection();
                 ResultSet rows = connection.createStatement().executeQuery("SELECT 1")) {
                rows.next();
                return "finished with database answer " + rows.getInt(1);
            }
        }
    }
}

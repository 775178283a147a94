package dev.starshop.telegram.webhook;

import dev.starshop.support.Api;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The database stops while Telegram delivers: the engine must not acknowledge (503 with
 * Retry-After, so Telegram tries again), and the redelivery after recovery is recorded once.
 */
class WebhookDatabaseOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void anUpdateDuringAnOutageIsRefusedThenRecordedOnRedelivery() throws Exception {
        int port = freePort();
        EmbeddedPostgres database = start(port);
        try (EmbeddedServer engine = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", database.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "",
                "datasources.default.connection-timeout", 1500,
                "starshop.telegram.setup", false,
                "micronaut.server.port", -1), "test");
             HttpClient http = engine.getApplicationContext().createBean(HttpClient.class, engine.getURL())) {
            Api api = new Api(http);
            String update = WebhookIntakeTest.command(424242, "/help");

            database.close();
            Api.Reply during = api.send(deliver(update));
            database = start(port);
            Api.Reply after = redeliverUntilAcknowledged(api, update);

            assertEquals(503, during.status());
            assertEquals("database-unavailable", during.code());
            assertNotNull(during.header("Retry-After"));
            assertEquals(200, after.status());
            assertEquals(1, countUpdates(database, 424242));
        } finally {
            database.close();
        }
    }

    /**
     * Telegram keeps redelivering until it gets a 2xx; right after the restart the pool may still
     * hand out a connection to the old server, which is one more 503.
     */
    private static Api.Reply redeliverUntilAcknowledged(Api api, String update) throws InterruptedException {
        Api.Reply reply = api.send(deliver(update));
        for (int attempt = 1; attempt < 10 && reply.status() == 503; attempt++) {
            Thread.sleep(200);
            reply = api.send(deliver(update));
        }
        return reply;
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static MutableHttpRequest<String> deliver(String update) {
        return HttpRequest.POST("/telegram/webhook", update).contentType("application/json")
                .header(WebhookSecret.HEADER, WebhookIntakeTest.SECRET);
    }

    private static long countUpdates(EmbeddedPostgres database, long updateId) throws Exception {
        try (Connection connection = database.getPostgresDatabase().getConnection();
             ResultSet row = connection.createStatement()
                     .executeQuery("SELECT count(*) FROM telegram_updates WHERE update_id = " + updateId)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

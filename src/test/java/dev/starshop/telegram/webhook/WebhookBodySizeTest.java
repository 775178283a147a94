package dev.starshop.telegram.webhook;

import dev.starshop.support.Db;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook takes Telegram's largest legitimate updates (docs/telegram.md, "Body size") and
 * refuses a body above micronaut.server.max-request-size with 413; every other route stays at
 * starshop.http.max-body-size (64 KiB).
 */
@MicronautTest(transactional = false)
class WebhookBodySizeTest {

    private static final int SERVER_LIMIT = 1_048_576;
    private static final int OTHER_ROUTES_LIMIT = 65_536;
    /** 😀 as Telegram may escape it: a surrogate pair, 12 bytes on the wire. */
    private static final String EMOJI = "\\ud83d\\ude00";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Test
    void aMessageWith4096EmojiAHundredEntitiesAndAReplyToTheSameIsTaken() throws Exception {
        long updateId = 7_300_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String body = "{\"update_id\":" + updateId + ",\"message\":"
                + message(2, ",\"reply_to_message\":" + message(1, "")) + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 2 * OTHER_ROUTES_LIMIT && bytes.length < SERVER_LIMIT, "size " + bytes.length);

        HttpResponse<String> answer = send("/telegram/webhook", bytes, true);

        assertEquals(200, answer.statusCode(), answer.body());
        Db db = new Db(dataSource);
        assertEquals(4096, db.count("SELECT length(payload->'message'->'reply_to_message'->>'text')"
                + " FROM telegram_updates WHERE update_id = ?", updateId));
        assertEquals(100, db.count("SELECT jsonb_array_length(payload->'message'->'entities')"
                + " FROM telegram_updates WHERE update_id = ?", updateId));
    }

    @Test
    void aWebhookBodyAboveTheServerLimitIs413() throws Exception {
        String padding = "x".repeat(SERVER_LIMIT);
        byte[] body = ("{\"update_id\":1,\"message\":{\"text\":\"" + padding + "\"}}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = send("/telegram/webhook", body, true);

        assertEquals(413, answer.statusCode());
        assertTrue(answer.body().contains("payload-too-large"), answer.body());
    }

    /** Netty's limit is now the 50 MiB file upload's, so a body of unknown length is refused here too. */
    @Test
    void aChunkedWebhookBodyIs411() throws Exception {
        byte[] small = "{\"update_id\":1}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = send("/telegram/webhook", small, false);
        assertEquals(411, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("length-required"), chunked.body());
    }

    @Test
    void otherRoutesStayAt64KiB() throws Exception {
        byte[] justOver = ("{\"items\":[],\"currency\":\"" + "X".repeat(OTHER_ROUTES_LIMIT) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] small = "{\"items\":[],\"currency\":\"XTR\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> tooLarge = send("/api/orders", justOver, true);
        HttpResponse<String> adminTooLarge = send("/api/admin/products", justOver, true);
        HttpResponse<String> chunked = send("/api/orders", small, false);
        HttpResponse<String> fine = send("/api/orders", small, true);

        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.body().contains("payload-too-large"), tooLarge.body());
        assertEquals(413, adminTooLarge.statusCode(), "refused before authentication");
        assertEquals(411, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("length-required"), chunked.body());
        assertEquals(401, fine.statusCode(), "a small body goes on to authentication");
    }

    /** A text message of 4096 escaped emoji with 100 text_link entities, as Telegram writes it. */
    private static String message(long messageId, String more) {
        StringJoiner entities = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 100; i++) {
            entities.add("{\"offset\":" + (i * 80) + ",\"length\":80,\"type\":\"text_link\",\"url\":\"https:\\/\\/"
                    + "shop.example.com\\/catalog\\/" + "item-".repeat(40) + i + "\"}");
        }
        return "{\"message_id\":" + messageId + ",\"date\":1763800000,"
                + "\"from\":{\"id\":100001,\"is_bot\":false,\"first_name\":\"Ann\"},"
                + "\"chat\":{\"id\":100001,\"type\":\"private\",\"first_name\":\"Ann\"},"
                + "\"text\":\"" + EMOJI.repeat(4096) + "\",\"entities\":" + entities + more + "}";
    }

    private HttpResponse<String> send(String path, byte[] body, boolean declaredLength)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = declaredLength ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret")
                .POST(publisher).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

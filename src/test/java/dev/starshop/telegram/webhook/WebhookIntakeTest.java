package dev.starshop.telegram.webhook;

import dev.starshop.support.Api;
import dev.starshop.support.Concurrently;
import dev.starshop.support.Db;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Telegram's side of the webhook: real-shaped updates posted over HTTP. */
@MicronautTest(transactional = false)
class WebhookIntakeTest {

    static final String SECRET = "test-webhook-secret";
    private static final AtomicLong NEXT_UPDATE = new AtomicLong(System.currentTimeMillis() * 10);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    Api api;
    Db db;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        db = new Db(dataSource);
    }

    @Test
    void withoutTheSecretNothingIsParsedOrStored() {
        long id = NEXT_UPDATE.incrementAndGet();

        Api.Reply none = api.send(HttpRequest.POST("/telegram/webhook", command(id, "/start")));
        Api.Reply wrong = api.send(HttpRequest.POST("/telegram/webhook", command(id, "/start"))
                .header(WebhookSecret.HEADER, "guess"));
        Api.Reply twice = api.send(HttpRequest.POST("/telegram/webhook", command(id, "/start"))
                .header(WebhookSecret.HEADER, "guess").header(WebhookSecret.HEADER, SECRET));
        Api.Reply garbage = api.send(HttpRequest.POST("/telegram/webhook", "{not json").contentType("application/json"));

        assertEquals(401, none.status());
        assertEquals(401, wrong.status());
        assertEquals(401, twice.status(), "one secret, not a list to pick from");
        assertEquals(401, garbage.status(), "the secret is checked before the body is read");
        assertEquals(0, updatesStored(id));
    }

    @Test
    void aCommandIsStoredOnceAndAnsweredThroughTheOutbox() {
        long id = NEXT_UPDATE.incrementAndGet();

        assertEquals(200, api.send(deliver(command(id, "/start"))).status());

        assertEquals(1, updatesStored(id));
        assertEquals("BotCommand", db.text("SELECT kind FROM telegram_updates WHERE update_id = ?", id));
        assertEquals(1, repliesQueued(id));
        String reply = db.text("SELECT payload::text FROM bot_outbox WHERE dedupe_key = ?", "update:" + id + ":reply");
        assertEquals(true, reply.contains("\"web_app\""), reply);
        assertEquals(true, reply.contains("/app/"), reply);
    }

    @Test
    void oneUpdateDeliveredFiftyTimesAtOnceHasOneEffect() throws Exception {
        long id = NEXT_UPDATE.incrementAndGet();
        String update = command(id, "/help");

        List<Api.Reply> replies = Concurrently.all(IntStream.range(0, 50)
                .<Callable<Api.Reply>>mapToObj(i -> () -> api.send(deliver(update))).toList());

        assertEquals(List.of(200), replies.stream().map(Api.Reply::status).distinct().toList());
        assertEquals(1, updatesStored(id));
        assertEquals(1, repliesQueued(id));
    }

    @Test
    void unknownKindsAreStoredAndAcknowledged() {
        long id = NEXT_UPDATE.incrementAndGet();
        String poll = "{\"update_id\":" + id + ",\"poll\":{\"id\":\"1\",\"question\":\"?\",\"options\":[]}}";

        assertEquals(200, api.send(deliver(poll)).status());
        assertEquals("Other", db.text("SELECT kind FROM telegram_updates WHERE update_id = ?", id));
    }

    @Test
    void anUnreadableUpdateIsRefused() {
        assertEquals(400, api.send(deliver("{\"update_id\": \"x\"}")).status());
        assertEquals(400, api.send(deliver("[1,2")).status());
    }

    private MutableHttpRequest<String> deliver(String update) {
        return HttpRequest.POST("/telegram/webhook", update).contentType("application/json")
                .header(WebhookSecret.HEADER, SECRET);
    }

    private long updatesStored(long id) {
        return db.count("SELECT count(*) FROM telegram_updates WHERE update_id = ?", id);
    }

    private long repliesQueued(long id) {
        return db.count("SELECT count(*) FROM bot_outbox WHERE dedupe_key = ?", "update:" + id + ":reply");
    }

    static String command(long updateId, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":1763800000,
                 "from":{"id":100001,"is_bot":false,"first_name":"Alice","language_code":"en"},
                 "chat":{"id":100001,"type":"private","first_name":"Alice"},
                 "text":"%s","entities":[{"type":"bot_command","offset":0,"length":%d}]}}"""
                .formatted(updateId, updateId % 100000, text, text.length());
    }
}

package dev.starshop.harness;

import dev.starshop.support.Db;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Regressions for the bad updates BadInputFuzzTest found: once 500s, cut ids or stored money. */
@MicronautTest(transactional = false)
class BadUpdatesTest {

    private static final String PAYMENT = "{\"update_id\":%d,\"message\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":100001,\"type\":\"private\"},\"successful_payment\":{\"currency\":\"XTR\","
            + "\"total_amount\":%s,\"invoice_payload\":\"x\",\"telegram_payment_charge_id\":\"%s\","
            + "\"provider_payment_charge_id\":\"\"}}}";

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Test
    void unreadableOrAbsurdUpdatesAre400AndStoreNothing() {
        long id = 6_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 10;
        Db db = new Db(dataSource);
        Map<String, Long> before = TableCounts.of(db);

        assertEquals(400, post("{\"update_id\":" + id + ",\"pre_checkout_query\":{\"id\":\"q\",\"from\":\"x\","
                + "\"currency\":\"XTR\",\"total_amount\":5,\"invoice_payload\":\"x\"}}"), "unreadable pre-checkout");
        assertEquals(400, post("{\"update_id\":" + (id + 4) + ",\"message\":{\"message_id\":1,\"date\":1,"
                + "\"chat\":{\"id\":100001,\"type\":\"private\"},\"from\":\"x\",\"text\":\"/orders\","
                + "\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":7}]}}"), "unreadable command");
        assertEquals(400, post("{\"update_id\":" + (id + 5) + ",\"pre_checkout_query\":{\"id\":\"q\",\"from\":"
                + "{\"id\":1,\"is_bot\":false,\"first_name\":\"A\"},\"currency\":\"XTR\","
                + "\"total_amount\":1180591620717411303424,\"invoice_payload\":\"x\"}}"), "pre-checkout amount 2^70");
        assertEquals(400, post("{\"update_id\":1.5,\"x\":{}}"), "fractional update_id");
        assertEquals(400, post("{\"update_id\":1180591620717411303424,\"x\":{}}"), "update_id beyond a long");
        assertEquals(400, post(PAYMENT.formatted(id + 1, "1e400", "stxREGRESSION" + id)), "amount 1e400");
        assertEquals(400, post(PAYMENT.formatted(id + 2, "0", "stxREGRESSION" + id)), "amount 0");
        assertEquals(400, post(PAYMENT.formatted(id + 3, "5", "")), "no charge id");

        assertEquals(Map.of(), TableCounts.changes(before, TableCounts.of(db)));
    }

    @Test
    void aNulCharacterInAMessageIsStoredAndAcknowledged() {
        long id = 6_100_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        Db db = new Db(dataSource);

        int status = post("{\"update_id\":" + id + ",\"message\":{\"message_id\":1,\"date\":1,"
                + "\"chat\":{\"id\":-5,\"type\":\"group\"},\"text\":\"a\\u0000b \\\\u0000 stays\"}}");

        assertEquals(200, status);
        assertEquals("a\uFFFDb \\u0000 stays",
                db.text("SELECT payload->'message'->>'text' FROM telegram_updates WHERE update_id = ?", id));
    }

    private int post(String body) {
        return new RawHttp(server.getURI()).send("POST", WebhookFuzz.PATH,
                Map.of("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret"), "application/json",
                body.getBytes(StandardCharsets.UTF_8)).status();
    }
}

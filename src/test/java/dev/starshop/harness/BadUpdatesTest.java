package dev.starshop.harness;

import dev.starshop.support.Db;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Regressions for the bad updates BadInputFuzzTest found: once 500s, cut ids or stored money; and
 * payment fields of the wrong JSON type, which the reader would have coerced (a charge id of true
 * booked as charge "true").
 */
@MicronautTest(transactional = false)
class BadUpdatesTest {

    private static final String PAYMENT = "{\"update_id\":%d,\"message\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":100001,\"type\":\"private\"},\"successful_payment\":{\"currency\":\"XTR\","
            + "\"total_amount\":%s,\"invoice_payload\":\"x\",\"telegram_payment_charge_id\":\"%s\","
            + "\"provider_payment_charge_id\":\"\"}}}";

    private static final String USER = "{\"id\":100001,\"is_bot\":false,\"first_name\":\"A\"}";
    /** Each kind of update that carries money or a payment question, readable as it stands. */
    private static final Map<String, String> SOUND = Map.of(
            "successful_payment", "{\"update_id\":%d,\"message\":{\"message_id\":1,\"date\":1700000000,"
                    + "\"from\":" + USER + ",\"chat\":{\"id\":100001,\"type\":\"private\"},"
                    + "\"successful_payment\":{\"currency\":\"XTR\",\"total_amount\":5,\"invoice_payload\":\"x\","
                    + "\"telegram_payment_charge_id\":\"stxTYPES%d\",\"provider_payment_charge_id\":\"\"}}}",
            "refunded_payment", "{\"update_id\":%d,\"message\":{\"message_id\":1,\"date\":1700000000,"
                    + "\"from\":" + USER + ",\"chat\":{\"id\":100001,\"type\":\"private\"},"
                    + "\"refunded_payment\":{\"currency\":\"XTR\",\"total_amount\":5,\"invoice_payload\":\"x\","
                    + "\"telegram_payment_charge_id\":\"stxTYPES%d\",\"provider_payment_charge_id\":\"\"}}}",
            "pre_checkout_query", "{\"update_id\":%d,\"pre_checkout_query\":{\"id\":\"q%d\",\"from\":" + USER
                    + ",\"currency\":\"XTR\",\"total_amount\":5,\"invoice_payload\":\"x\"}}",
            "shipping_query", "{\"update_id\":%d,\"shipping_query\":{\"id\":\"s%d\",\"from\":" + USER
                    + ",\"invoice_payload\":\"x\",\"shipping_address\":{\"country_code\":\"US\",\"state\":\"NY\","
                    + "\"city\":\"New York\",\"street_line1\":\"1 Main St\",\"street_line2\":\"\","
                    + "\"post_code\":\"10001\"}}}");
    /** What the reader would coerce into a String (true → "true", 12 → "12", ["x"] → "x") or refuse ({}). */
    private static final List<String> NOT_A_STRING = List.of("true", "12", "[\"x\"]", "{}");
    /** What the reader would coerce into a long ("100" → 100, true → 1). */
    private static final List<String> NOT_AN_INTEGER = List.of("\"100\"", "true");
    private static final Map<String, List<String>> STRING_FIELDS = Map.of(
            "successful_payment", List.of("telegram_payment_charge_id", "provider_payment_charge_id", "currency",
                    "invoice_payload"),
            "refunded_payment", List.of("telegram_payment_charge_id", "provider_payment_charge_id", "currency",
                    "invoice_payload"),
            "pre_checkout_query", List.of("id", "currency", "invoice_payload"),
            "shipping_query", List.of("id", "invoice_payload"));

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
    void paymentFieldsOfTheWrongJsonTypeAre400AndStoreNothing() {
        long id = 6_200_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 100;
        Db db = new Db(dataSource);
        Map<String, Long> before = TableCounts.of(db);
        List<String> accepted = new ArrayList<>();

        for (String kind : SOUND.keySet()) {
            for (String field : STRING_FIELDS.get(kind)) {
                for (String value : NOT_A_STRING) {
                    expectRefused(withField(sound(kind, id++), field, value), kind + "." + field + "=" + value, accepted);
                }
            }
            if (!kind.equals("shipping_query")) {
                for (String value : NOT_AN_INTEGER) {
                    expectRefused(withField(sound(kind, id++), "total_amount", value),
                            kind + ".total_amount=" + value, accepted);
                }
            }
        }

        assertEquals(List.of(), accepted, "answered other than 400");
        assertEquals(Map.of(), TableCounts.changes(before, TableCounts.of(db)));
    }

    /** The control for the test above: with Telegram's types the same updates are taken. */
    @Test
    void theSameUpdatesWithTelegramsTypesAreAcknowledged() {
        long id = 6_300_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 10;
        for (String kind : SOUND.keySet()) {
            assertEquals(200, post(sound(kind, id++)), kind);
        }
    }

    private void expectRefused(String body, String label, List<String> accepted) {
        int status = post(body);
        if (status != 400) {
            accepted.add(label + " → " + status);
        }
    }

    private static String sound(String kind, long updateId) {
        return SOUND.get(kind).formatted(updateId, updateId);
    }

    /** The body with one field's value (a string or a whole number) replaced by raw JSON. */
    private static String withField(String body, String field, String json) {
        String replaced = body.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\d+)",
                Matcher.quoteReplacement("\"" + field + "\":" + json));
        assertNotEquals(body, replaced, field);
        return replaced;
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

package dev.starshop.harness;

import dev.starshop.support.Api;
import dev.starshop.support.Db;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security item 7: a Telegram field of the wrong JSON type is refused, never coerced. Each row of
 * the table is a sound update with one field given another JSON type (a boolean or number for a
 * string, a string for a number, a fraction or out-of-range number for an integer, an array or a
 * string for an object), posted to the webhook with the right secret. The documented outcome
 * (docs/telegram.md) is today's answer to an unreadable update: 400 malformed-request, nothing
 * stored, so Telegram delivers it again; no order changes state and no ledger row is written. On
 * its fifth delivery the same update is parked and answered 200, still without any effect.
 */
@MicronautTest(transactional = false)
class WrongJsonTypesTest {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final String RAW = "@@raw@@";
    private static final long DATE = 1763800000L;

    /** One field of one kind of update, and the JSON it is given instead of Telegram's type. */
    private record Variant(String kind, String path, String json) {
        String label() {
            return kind + ": " + path + " = " + json;
        }
    }

    private static final List<Variant> VARIANTS = new ArrayList<>();

    private static void row(String kind, String path, String... values) {
        for (String value : values) {
            VARIANTS.add(new Variant(kind, path, value));
        }
    }

    static {
        String paid = "message.successful_payment.";
        row("successful_payment", paid + "telegram_payment_charge_id", "true", "12", "[\"stxWRONG\"]", "{}");
        row("successful_payment", paid + "provider_payment_charge_id", "12", "false");
        row("successful_payment", paid + "currency", "true", "12", "[\"XTR\"]");
        // A one-element array or an object naming the order: a lenient reader would find the order.
        row("successful_payment", paid + "invoice_payload", "12", "[\"%ORDER%\"]", "{\"id\":\"%ORDER%\"}");
        row("successful_payment", paid + "total_amount", "\"25\"", "true", "25.0", "25.5", "2.5e1",
                "9223372036854775808", "1e400", "[25]", "{}");
        row("successful_payment", paid + "subscription_expiration_date", "\"1800000000\"", "1.8e9");
        row("successful_payment", paid + "is_recurring", "\"true\"", "1");
        row("successful_payment", paid + "is_first_recurring", "\"false\"");
        row("successful_payment", paid + "shipping_option_id", "1");
        row("successful_payment", paid + "order_info", "\"Ann\"", "[]", "{\"name\":5}", "{\"email\":[\"a@b.c\"]}",
                "{\"shipping_address\":[]}", "{\"shipping_address\":{\"country_code\":1}}");
        row("successful_payment", "message.successful_payment", "\"paid\"", "[]", "25");
        row("successful_payment", "message", "[]", "\"payment\"");
        row("successful_payment", "message.from", "[]", "\"Buyer\"");
        row("successful_payment", "message.from.id", "\"%BUYER%\"", "1.5", "18446744073709551616");
        row("successful_payment", "message.from.is_bot", "\"false\"");
        row("successful_payment", "message.from.first_name", "5");
        row("successful_payment", "message.from.language_code", "[\"en\"]");
        row("successful_payment", "message.chat", "\"private\"", "[]");
        row("successful_payment", "message.chat.id", "\"%BUYER%\"", "1.0e5");
        row("successful_payment", "message.chat.type", "5");
        row("successful_payment", "message.date", "\"1763800000\"", "1.7638e9");
        row("successful_payment", "message.message_id", "\"1\"", "1.0");

        String refunded = "message.refunded_payment.";
        row("refunded_payment", refunded + "telegram_payment_charge_id", "true", "[\"%CHARGE%\"]");
        row("refunded_payment", refunded + "total_amount", "\"25\"", "25.0", "-9223372036854775809");
        row("refunded_payment", refunded + "currency", "5");
        row("refunded_payment", refunded + "invoice_payload", "5");
        row("refunded_payment", refunded + "provider_payment_charge_id", "0");
        row("refunded_payment", "message.refunded_payment", "[]", "true");

        row("pre_checkout_query", "pre_checkout_query", "[]", "\"q\"");
        row("pre_checkout_query", "pre_checkout_query.id", "5", "true");
        row("pre_checkout_query", "pre_checkout_query.from", "[]");
        row("pre_checkout_query", "pre_checkout_query.from.id", "\"%BUYER%\"");
        row("pre_checkout_query", "pre_checkout_query.currency", "true");
        row("pre_checkout_query", "pre_checkout_query.total_amount", "\"25\"", "25.0", "9223372036854775808");
        row("pre_checkout_query", "pre_checkout_query.invoice_payload", "[\"%ORDER%\"]");
        row("pre_checkout_query", "pre_checkout_query.shipping_option_id", "1");
        row("pre_checkout_query", "pre_checkout_query.order_info", "[]", "{\"phone_number\":15551234567}");

        row("shipping_query", "shipping_query", "[]");
        row("shipping_query", "shipping_query.id", "5");
        row("shipping_query", "shipping_query.from", "\"Buyer\"");
        row("shipping_query", "shipping_query.invoice_payload", "5");
        row("shipping_query", "shipping_query.shipping_address", "[]");
        row("shipping_query", "shipping_query.shipping_address.country_code", "1");
        row("shipping_query", "shipping_query.shipping_address.post_code", "10001");

        // A command: its reply goes to chat.id, and /orders lists the orders of from.id.
        row("command", "message.text", "5", "[\"/orders\"]");
        row("command", "message.chat.type", "5");
        row("command", "message.chat.id", "\"%BUYER%\"");
        row("command", "message.from.id", "\"%BUYER%\"", "1e5");
        row("command", "message.from.language_code", "5");
    }

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    private long buyer;
    private PayableOrder pending;
    private PayableOrder paid;
    private String paidCharge;
    private long nextUpdateId;

    @BeforeEach
    void shopWithAPendingAndAPaidOrder() throws Exception {
        SandboxShop shop = new SandboxShop(server.getURI(), Api.ADMIN_TOKEN);
        buyer = 710_000 + ThreadLocalRandom.current().nextInt(80_000);
        List<PayableOrder> orders = shop.orders(shop.product(), shop.buyers(buyer, 1), 2);
        pending = orders.get(0);
        paid = orders.get(1);
        nextUpdateId = 7_100_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1000;
        paidCharge = "stxWT" + nextUpdateId;
        assertEquals(200, post(json(sound("successful_payment", nextUpdateId++, paid, paidCharge))).status());
        assertEquals("PAID", status(paid));
    }

    @Test
    void everyWrongTypedFieldIsRefusedAsUnreadableAndChangesNothing() {
        Db db = new Db(dataSource);
        Map<String, Long> before = TableCounts.of(db);
        List<String> wrong = new ArrayList<>();

        for (Variant variant : VARIANTS) {
            RawHttp.Answer answer = post(variantOf(variant, nextUpdateId++));
            if (answer.status() != 400 || !answer.body().contains("malformed-request")) {
                wrong.add(variant.label() + " → " + answer.status() + " " + answer.body());
            }
        }

        assertEquals(List.of(), wrong, "answered other than 400 malformed-request");
        assertEquals(Map.of(), TableCounts.changes(before, TableCounts.of(db)), "refused updates wrote something");
        assertEquals("PENDING_PAYMENT", status(pending));
        assertEquals("PAID", status(paid));
        assertTrue(VARIANTS.size() >= 80, "the table shrank: " + VARIANTS.size());

        // The control: the same updates with Telegram's types go through.
        for (String kind : List.of("pre_checkout_query", "shipping_query", "command", "refunded_payment",
                "successful_payment")) {
            assertEquals(200, post(json(sound(kind, nextUpdateId++, kind.equals("refunded_payment") ? paid : pending,
                    kind.equals("refunded_payment") ? paidCharge : "stxWT" + nextUpdateId))).status(), kind);
        }
        assertEquals("PAID", status(pending));
        assertEquals("REFUNDED", status(paid));
    }

    @Test
    void aWrongTypedUpdateDeliveredFiveTimesIsParkedAndAcknowledgedWithoutEffect() {
        Db db = new Db(dataSource);
        long updateId = nextUpdateId++;
        String body = variantOf(new Variant("successful_payment",
                "message.successful_payment.telegram_payment_charge_id", "true"), updateId);
        Map<String, Long> before = TableCounts.of(db);

        List<Integer> statuses = new ArrayList<>();
        for (int delivery = 1; delivery <= 6; delivery++) {
            statuses.add(post(body).status());
        }

        assertEquals(List.of(400, 400, 400, 400, 200, 200), statuses, "the fifth delivery parks; a sixth is acknowledged");
        assertEquals(Map.of("parked_updates", (before.get("parked_updates")) + " → " + (before.get("parked_updates") + 1)),
                TableCounts.changes(before, TableCounts.of(db)));
        assertEquals("WEBHOOK|message|5|malformed-request",
                db.text("SELECT source || '|' || kind || '|' || attempts || '|' || problem FROM parked_updates"
                        + " WHERE update_id = ?", updateId));
        assertEquals(body, db.text("SELECT convert_from(payload, 'UTF8') FROM parked_updates WHERE update_id = ?",
                updateId), "kept byte for byte");
        assertEquals("PENDING_PAYMENT", status(pending));
        Api.Reply listed = new Api(http).admin(HttpRequest.GET("/api/admin/updates/parked?limit=1000"));
        assertTrue(String.valueOf(listed.body()).contains(String.valueOf(updateId)), () -> "not listed: " + listed.body());
        assertEquals(401, new Api(http).send(HttpRequest.GET("/api/admin/updates/parked")).status());
    }

    /** The sound update of a kind with one field's value replaced by raw JSON. */
    private String variantOf(Variant variant, long updateId) {
        boolean refund = variant.kind().equals("refunded_payment");
        Map<String, Object> update = sound(variant.kind(), updateId, refund ? paid : pending,
                refund ? paidCharge : "stxWT" + updateId);
        String[] path = variant.path().split("\\.");
        Map<String, Object> parent = update;
        for (int i = 0; i < path.length - 1; i++) {
            parent = child(parent, path[i]);
        }
        parent.put(path[path.length - 1], RAW);
        String raw = variant.json().replace("%ORDER%", pending.id().toString())
                .replace("%BUYER%", Long.toString(buyer)).replace("%CHARGE%", paidCharge);
        return json(update).replace("\"" + RAW + "\"", raw);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name) {
        return (Map<String, Object>) parent.computeIfAbsent(name, absent -> new LinkedHashMap<>());
    }

    /** Each kind of update as Telegram sends it for this buyer and order. */
    private Map<String, Object> sound(String kind, long updateId, PayableOrder order, String charge) {
        Map<String, Object> user = map("id", buyer, "is_bot", false, "first_name", "Buyer", "language_code", "en");
        Map<String, Object> chat = map("id", buyer, "type", "private", "first_name", "Buyer");
        Map<String, Object> payment = map("currency", "XTR", "total_amount", order.totalAmount(),
                "invoice_payload", order.id().toString(), "telegram_payment_charge_id", charge,
                "provider_payment_charge_id", "");
        Map<String, Object> address = map("country_code", "US", "state", "NY", "city", "New York",
                "street_line1", "1 Main St", "street_line2", "", "post_code", "10001");
        Object body = switch (kind) {
            case "successful_payment", "refunded_payment" -> map("message_id", updateId % 1_000_000, "date", DATE,
                    "from", user, "chat", chat, kind, payment);
            case "pre_checkout_query" -> map("id", "q" + updateId, "from", user, "currency", "XTR",
                    "total_amount", order.totalAmount(), "invoice_payload", order.id().toString());
            case "shipping_query" -> map("id", "s" + updateId, "from", user, "invoice_payload",
                    order.id().toString(), "shipping_address", address);
            case "command" -> map("message_id", updateId % 1_000_000, "date", DATE, "from", user, "chat", chat,
                    "text", "/orders");
            default -> throw new IllegalArgumentException(kind);
        };
        String field = switch (kind) {
            case "successful_payment", "refunded_payment", "command" -> "message";
            default -> kind;
        };
        return map("update_id", updateId, field, body);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String json(Map<String, Object> update) {
        try {
            return JSON.writeValueAsString(update);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String status(PayableOrder order) {
        Api.Reply reply = new Api(http).admin(HttpRequest.GET("/api/admin/orders/" + order.id()));
        assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
        return (String) reply.json().get("status");
    }

    private RawHttp.Answer post(String body) {
        return new RawHttp(server.getURI()).send("POST", WebhookFuzz.PATH,
                Map.of("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret"), "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.starshop.harness;

import dev.starshop.harness.FuzzCase.Expect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bad webhook deliveries carrying the right secret: what an attacker who learned the secret, or a
 * broken proxy, could send. Every update_id is fresh, so an acknowledged one adds exactly one inbox row.
 */
final class WebhookFuzz {

    static final String PATH = "/telegram/webhook";
    private static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** The webhook's documented body limit (micronaut.server.max-request-size). */
    private static final int MAX_BODY = 1024 * 1024;

    private static final String USER = "{\"id\":100001,\"is_bot\":false,\"first_name\":\"A\"}";
    private static final String PRE_CHECKOUT = "{\"update_id\":%ID%,\"pre_checkout_query\":{\"id\":%F_id%,"
            + "\"from\":%F_from%,\"currency\":%F_currency%,\"total_amount\":%F_total_amount%,"
            + "\"invoice_payload\":%F_invoice_payload%}}";
    private static final String PAYMENT = "{\"update_id\":%ID%,\"message\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":100001,\"type\":\"private\"},\"from\":" + USER + ",\"%KIND%\":{"
            + "\"currency\":%F_currency%,\"total_amount\":%F_total_amount%,\"invoice_payload\":%F_invoice_payload%,"
            + "\"telegram_payment_charge_id\":%F_telegram_payment_charge_id%,\"provider_payment_charge_id\":\"\"}}}";
    private static final String GROUP_TEXT = "{\"update_id\":%ID%,\"message\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":-100123,\"type\":\"group\"},\"text\":\"@@\"}}";

    /** A field's sound value, and values of the wrong type that no reader may coerce into it. */
    private record Field(String name, String sound, List<String> wrong) {
    }

    /**
     * Objects, arrays and the scalars the reader would coerce into a string (5, true, a one-element
     * array): the classifier checks payment fields' JSON types before they are read.
     */
    private static final List<String> NOT_A_STRING = List.of("{}", "[]", "{\"a\":1}", "[\"x\",\"y\"]", "5", "true",
            "[\"x\"]");
    private static final List<String> NOT_AN_AMOUNT = List.of("\"abc\"", "\"\"", "{}", "[]", "true", "0", "-1",
            "-5", "1e400", "1180591620717411303424", "9223372036854775808", "1.5", "-9223372036854775808");
    private static final List<Field> PAYMENT_FIELDS = List.of(
            new Field("currency", "\"XTR\"", List.of("\"\"", "\"ZZZ\"", "\"XTRXTRXTR\"", "{}", "[]", "true")),
            new Field("total_amount", "5", NOT_AN_AMOUNT),
            new Field("invoice_payload", "\"%UUID%\"", NOT_A_STRING),
            new Field("telegram_payment_charge_id", "\"stxFUZZ%UUID%\"", List.of("\"\"", "\" \"", "{}", "[]", "true",
                    "12", "[\"x\"]")));
    private static final List<Field> PRE_CHECKOUT_FIELDS = List.of(
            new Field("id", "\"fuzz-query\"", NOT_A_STRING),
            new Field("from", USER, List.of("\"someone\"", "5", "[]", "{\"id\":\"abc\"}", "true")),
            new Field("currency", "\"XTR\"", NOT_A_STRING),
            new Field("total_amount", "5", List.of("\"abc\"", "{}", "[]", "1e400", "1180591620717411303424")),
            new Field("invoice_payload", "\"%UUID%\"", NOT_A_STRING));

    private final Junk junk;
    private final String secret;
    private final AtomicLong nextUpdateId;

    WebhookFuzz(Junk junk, String secret, long firstUpdateId) {
        this.junk = junk;
        this.secret = secret;
        this.nextUpdateId = new AtomicLong(firstUpdateId);
    }

    FuzzCase next() {
        String id = Long.toString(nextUpdateId.getAndIncrement());
        return switch (junk.nextInt(13)) {
            case 0 -> json("truncated", junk.truncated(payment(id, null, null)), Expect.REFUSED);
            case 1 -> send("random-bytes", "application/json", junk.randomBytes(200), Expect.REFUSED);
            case 2 -> json("not-an-object", junk.pick(List.of("[]", "1", "\"x\"", "null", "true", "[{\"update_id\":1}]")),
                    Expect.REFUSED);
            case 3 -> json("update-id-wrong", unknownKind(junk.pick(NOT_AN_UPDATE_ID)), Expect.REFUSED);
            case 4 -> json("negative-update-id", unknownKind("-" + (1 + junk.nextInt(1_000_000_000))),
                    Expect.ACKNOWLEDGED_OR_REFUSED);
            case 5 -> paymentWithBadField(id);
            case 6 -> preCheckoutWithBadField(id);
            case 7 -> deeplyNested(id);
            case 8 -> send("invalid-utf8", "application/json",
                    junk.withInvalidUtf8(GROUP_TEXT.replace("%ID%", id)), Expect.ACKNOWLEDGED_OR_REFUSED);
            case 9 -> oversized(id);
            case 10 -> send("empty", junk.pick(List.of("application/json", "text/plain")), new byte[0], Expect.REFUSED);
            case 11 -> wrongContentType(id);
            default -> json("unknown-kind", unknownKind(id), Expect.ACKNOWLEDGED);
        };
    }

    private static final List<String> NOT_AN_UPDATE_ID = List.of("\"12\"", "\"abc\"", "true", "null", "[]", "{}",
            "[1]", "1e400", "1180591620717411303424", "9223372036854775808", "1.5", "-1e400", "1e-400");

    private FuzzCase paymentWithBadField(String id) {
        Field broken = junk.pick(PAYMENT_FIELDS);
        String kind = junk.nextInt(4) == 0 ? "refunded_payment" : "successful_payment";
        String value = junk.pick(broken.wrong());
        String body = payment(id, broken, value).replace("%KIND%", kind);
        return json(kind + "-bad-" + broken.name() + "=" + value, body, Expect.REFUSED);
    }

    private FuzzCase preCheckoutWithBadField(String id) {
        Field broken = junk.pick(PRE_CHECKOUT_FIELDS);
        String value = junk.pick(broken.wrong());
        // Unreadable or not a whole 64-bit amount: refused, nothing stored.
        return json("pre-checkout-bad-" + broken.name() + "=" + value, fill(PRE_CHECKOUT.replace("%ID%", id),
                PRE_CHECKOUT_FIELDS, broken, value), Expect.REFUSED);
    }

    private FuzzCase deeplyNested(String id) {
        boolean arrays = junk.nextInt(2) == 0;
        int depth = junk.pick(List.of(100, 999, 1001, 5000, 10_000));
        String body = "{\"update_id\":" + id + ",\"fuzz_kind\":" + Junk.nested(depth, arrays) + "}";
        Expect expect = body.length() > MAX_BODY ? Expect.REFUSED : Expect.ACKNOWLEDGED_OR_REFUSED;
        return json("nested-" + (arrays ? "arrays-" : "objects-") + depth, body, expect);
    }

    private FuzzCase oversized(String id) {
        int size = MAX_BODY + 1 + junk.nextInt(MAX_BODY / 4);
        String body = "{\"update_id\":" + id + ",\"fuzz_kind\":{\"text\":\"" + "x".repeat(size) + "\"}}";
        return json("oversized", body, Expect.REFUSED);
    }

    private FuzzCase wrongContentType(String id) {
        String type = junk.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "image/png"));
        boolean wellFormed = junk.nextInt(2) == 0;
        byte[] body = (wellFormed ? unknownKind(id) : junk.truncated(unknownKind(id))).getBytes(StandardCharsets.UTF_8);
        return send("content-type-" + type.split("[/;]")[1], type, body,
                wellFormed ? Expect.ACKNOWLEDGED_OR_REFUSED : Expect.REFUSED);
    }

    private String unknownKind(String updateId) {
        return "{\"update_id\":" + updateId + ",\"fuzz_kind_" + junk.nextInt(1000) + "\":{\"value\":" + junk.value()
                + ",\"extra\":" + junk.value() + "}}";
    }

    private String payment(String id, Field broken, String brokenValue) {
        return fill(PAYMENT.replace("%ID%", id).replace("%KIND%", "successful_payment"), PAYMENT_FIELDS, broken,
                brokenValue);
    }

    private static String fill(String template, List<Field> fields, Field broken, String brokenValue) {
        String filled = template;
        for (Field field : fields) {
            String value = field.equals(broken) ? brokenValue : field.sound();
            filled = filled.replace("%F_" + field.name() + "%", value.replace("%UUID%", UUID.randomUUID().toString()));
        }
        return filled;
    }

    private FuzzCase json(String label, String body, Expect expect) {
        return send(label, "application/json", body.getBytes(StandardCharsets.UTF_8), expect);
    }

    private FuzzCase send(String label, String contentType, byte[] body, Expect expect) {
        return new FuzzCase("webhook", label, "POST", PATH, Map.of(SECRET_HEADER, secret), contentType, body, expect);
    }
}

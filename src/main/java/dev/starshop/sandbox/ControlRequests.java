package dev.starshop.sandbox;

import io.micronaut.json.tree.JsonNode;

import java.util.Set;

/**
 * The control API's request bodies, decoded strictly at the door ({@link ControlBody}): each
 * method names every field it accepts, which are required, their JSON types and their ranges.
 */
final class ControlRequests {

    /** Far beyond any test, far below where sums of balances could overflow. */
    static final long MAX_STARS = 1_000_000_000L;
    /** Telegram user ids fit in 52 bits. */
    static final long MAX_USER_ID = (1L << 52) - 1;
    private static final Set<String> ADDRESS_FIELDS =
            Set.of("country_code", "state", "city", "street_line1", "street_line2", "post_code");
    private static final int SHORT_TEXT = 256;

    record RateLimit(String method, int calls, int retryAfter) {
    }

    record ServerErrors(String method, int calls) {
    }

    record HeldAnswers(String method, int calls, long holdMillis) {
    }

    private ControlRequests() {
    }

    /** A message_id bound in a query: absent is 0, anything but digits (up to 18) is malformed. */
    static long messageId(String name, String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw ControlBody.malformed(name + ": must be a message_id (digits), was " + value.length() + " characters");
        }
        return Long.parseLong(value);
    }

    /** A file_id as the emulator makes them: letters, digits, '-' and '_'. */
    static void fileId(String value) {
        if (!value.matches("[A-Za-z0-9_-]{1,128}")) {
            throw ControlBody.malformed("fileId: not a file_id");
        }
    }

    /** A Stars history entry to seed; each kind's own required fields are checked by {@link StarSeeds}. */
    static StarSeed starSeed(JsonNode node) {
        ControlBody body = ControlBody.of(node, "kind", "amount", "nanostarAmount", "userId", "chatId",
                "commissionPerMille", "affiliateAmount", "affiliateNanostarAmount", "requestCount", "incoming",
                "partnerType");
        String kind = body.requiredString("kind", 32);
        if (!StarSeeds.KINDS.contains(kind)) {
            throw ControlBody.malformed("kind: must be one of " + StarSeeds.KINDS.stream().sorted().toList());
        }
        Long amount = body.requiredLong("amount", 0, MAX_STARS);
        Long nanos = body.optionalLong("nanostarAmount", 0, 999_999_999);
        if (amount == 0 && (nanos == null || nanos == 0)) {
            throw ControlBody.limit("amount: a transaction moves more than 0 Stars");
        }
        Boolean incoming = body.optionalBoolean("incoming");
        String partnerType = body.optionalString("partnerType", 32);
        boolean directed = kind.equals("other") || kind.equals("unknown");
        if (directed != (incoming != null)) {
            throw ControlBody.malformed("incoming: " + (directed ? "required" : "only") + " for kinds other and unknown");
        }
        if (kind.equals("unknown") != (partnerType != null)) {
            throw ControlBody.malformed("partnerType: required for kind unknown, and only for it");
        }
        return new StarSeed(kind, amount, nanos, body.optionalLong("userId", 1, MAX_USER_ID),
                body.optionalLong("chatId", -MAX_USER_ID * 1000, MAX_USER_ID * 1000),
                (Integer) intOrNull(body.optionalLong("commissionPerMille", 1, 1000)),
                body.optionalLong("affiliateAmount", 0, MAX_STARS),
                body.optionalLong("affiliateNanostarAmount", 0, 999_999_999),
                (Integer) intOrNull(body.optionalLong("requestCount", 1, 1_000_000)), incoming, partnerType);
    }

    private static Integer intOrNull(Long value) {
        return value == null ? null : value.intValue();
    }

    static long balance(JsonNode node) {
        return ControlBody.of(node, "starBalance").requiredLong("starBalance", 0, MAX_STARS);
    }

    static String text(JsonNode node) {
        return ControlBody.of(node, "text").requiredString("text", 4096);
    }

    static SandboxUser user(JsonNode node) {
        ControlBody body = ControlBody.of(node, "id", "firstName", "username", "languageCode", "starBalance");
        return new SandboxUser(body.requiredLong("id", 1, MAX_USER_ID), body.requiredString("firstName", 64),
                body.optionalString("username", 32), body.requiredString("languageCode", 35),
                body.requiredLong("starBalance", 0, MAX_STARS));
    }

    static PayRequest pay(JsonNode node) {
        ControlBody body = ControlBody.of(node, "userId", "method", "cardNumber", "shippingAddress",
                "shippingOptionId", "tipAmount", "name", "phoneNumber", "email", "cancel");
        String method = body.optionalString("method", 5);
        if (method != null && !method.equals("stars") && !method.equals("card")) {
            throw ControlBody.malformed("method: must be \"stars\" or \"card\"");
        }
        return new PayRequest(body.requiredLong("userId", 1, MAX_USER_ID), method,
                body.optionalString("cardNumber", 32), body.optionalStrings("shippingAddress", ADDRESS_FIELDS, SHORT_TEXT),
                body.optionalString("shippingOptionId", 64), body.optionalLong("tipAmount", 0, MAX_STARS),
                body.optionalString("name", SHORT_TEXT), body.optionalString("phoneNumber", 32),
                body.optionalString("email", SHORT_TEXT), body.optionalBoolean("cancel"));
    }

    /** Every knob is required: a PUT replaces them all. */
    static Faults faults(JsonNode node) {
        ControlBody body = ControlBody.of(node, "duplicateDeliveries", "reorderAcrossUsers", "reorderWindowMillis",
                "dropResponses", "answerDelayMillis", "deliveryDelayMillis");
        return new Faults(body.requiredInt("duplicateDeliveries", 1, FaultKnobs.MAX_DUPLICATE_DELIVERIES),
                body.requiredBoolean("reorderAcrossUsers"),
                body.requiredLong("reorderWindowMillis", 0, FaultKnobs.MAX_DELAY_MILLIS),
                body.requiredInt("dropResponses", 0, FaultKnobs.MAX_CALLS),
                body.requiredLong("answerDelayMillis", 0, FaultKnobs.MAX_DELAY_MILLIS),
                body.requiredLong("deliveryDelayMillis", 0, FaultKnobs.MAX_DELAY_MILLIS));
    }

    static RateLimit rateLimit(JsonNode node) {
        ControlBody body = ControlBody.of(node, "method", "calls", "retryAfter");
        return new RateLimit(body.requiredString("method", 64), body.requiredInt("calls", 0, FaultKnobs.MAX_CALLS),
                body.requiredInt("retryAfter", 1, FaultKnobs.MAX_RETRY_AFTER_SECONDS));
    }

    static ServerErrors serverErrors(JsonNode node) {
        ControlBody body = ControlBody.of(node, "method", "calls");
        return new ServerErrors(body.requiredString("method", 64), body.requiredInt("calls", 0, FaultKnobs.MAX_CALLS));
    }

    static HeldAnswers heldAnswers(JsonNode node) {
        ControlBody body = ControlBody.of(node, "method", "calls", "holdMillis");
        return new HeldAnswers(body.requiredString("method", 64), body.requiredInt("calls", 0, FaultKnobs.MAX_CALLS),
                body.requiredLong("holdMillis", 0, FaultKnobs.MAX_DELAY_MILLIS));
    }
}

package dev.starshop.telegram.updates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigInteger;

/**
 * One JSON object of an update, read field by field with Telegram's JSON types. Micronaut
 * Serialization 2.x binds leniently (true or 12 into a String, ["x"] as "x", "100" or true into a
 * long, 1e400 into some long) and has no setting to refuse it, so updates are not bound by it: each
 * field is taken only if it has its Bot API type, and a missing required field is refused too.
 * {@code "x": null} counts as absent (Telegram never sends null). Fields not read here are not
 * checked; they stay in the stored raw body.
 */
final class StrictObject {

    private final JsonNode node;
    private final String path;

    private StrictObject(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The update itself: its fields' paths are their names ("message.chat.id"). */
    static StrictObject root(JsonNode node) {
        return of(node, "");
    }

    static StrictObject of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new UnreadableUpdate(path + " must be a JSON object");
        }
        return new StrictObject(node, path);
    }

    String string(String name) {
        return required(name, optString(name));
    }

    @Nullable
    String optString(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw wrong(name, "a JSON string");
        }
        return value.getStringValue();
    }

    long integer(String name) {
        return required(name, optInteger(name));
    }

    /** The one check that a JSON number is whole and within 64 bits: 1.5, 2.5e1, 1e400 and 2^70 are refused. */
    @Nullable
    Long optInteger(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!isWholeLong(value)) {
            throw wrong(name, "a JSON integer within 64 bits");
        }
        return value.getNumberValue().longValue();
    }

    /** The field as a whole number, or null when it is absent or anything else (for update_id). */
    @Nullable
    Long wholeOrNull(String name) {
        JsonNode value = present(name);
        return value != null && isWholeLong(value) ? value.getNumberValue().longValue() : null;
    }

    private static boolean isWholeLong(JsonNode value) {
        Number number = value.isNumber() ? value.getNumberValue() : null;
        return number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof BigInteger big && big.bitLength() < Long.SIZE;
    }

    boolean bool(String name) {
        return required(name, optBool(name));
    }

    @Nullable
    Boolean optBool(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrong(name, "a JSON boolean");
        }
        return value.getBooleanValue();
    }

    StrictObject object(String name) {
        return required(name, optObject(name));
    }

    @Nullable
    StrictObject optObject(String name) {
        JsonNode value = present(name);
        return value == null ? null : of(value, pathOf(name));
    }

    private JsonNode present(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private <T> T required(String name, @Nullable T value) {
        if (value == null) {
            throw new UnreadableUpdate(pathOf(name) + " is required");
        }
        return value;
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private UnreadableUpdate wrong(String name, String type) {
        return new UnreadableUpdate(pathOf(name) + " must be " + type);
    }
}

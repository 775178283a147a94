package dev.starshop.sandbox;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A control API body read strictly, so the emulator never acts on a request it did not
 * understand: an unknown field, a missing required field or a value of the wrong JSON type is
 * 400 {@code malformed-request}; a number outside what the emulator accepts is 400
 * {@code sandbox-limit}. Both name the field. Plain serde binding would default a misspelt
 * primitive to 0 and coerce {@code "42"} into a number; this does neither.
 */
final class ControlBody {

    private final JsonNode node;

    private ControlBody(JsonNode node) {
        this.node = node;
    }

    /** The body, refused unless it is an object whose fields are all among {@code fields}. */
    static ControlBody of(@Nullable JsonNode node, String... fields) {
        if (node == null || !node.isObject()) {
            throw malformed("the body must be a JSON object");
        }
        Set<String> known = Set.of(fields);
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!known.contains(entry.getKey())) {
                throw malformed("unknown field \"" + entry.getKey() + "\"; expected " + List.of(fields));
            }
        }
        return new ControlBody(node);
    }

    long requiredLong(String name, long min, long max) {
        Long value = optionalLong(name, min, max);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    @Nullable
    Long optionalLong(String name, long min, long max) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        Number number = value.isNumber() ? value.getNumberValue() : null;
        if (!(number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof BigInteger)) {
            throw malformed(name + ": must be an integer");
        }
        BigInteger exact = value.getBigIntegerValue();
        if (exact.compareTo(BigInteger.valueOf(min)) < 0 || exact.compareTo(BigInteger.valueOf(max)) > 0) {
            throw limit(name + ": must be between " + min + " and " + max + ", was " + exact);
        }
        return exact.longValue();
    }

    int requiredInt(String name, int min, int max) {
        return (int) requiredLong(name, min, max);
    }

    boolean requiredBoolean(String name) {
        Boolean value = optionalBoolean(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    @Nullable
    Boolean optionalBoolean(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw malformed(name + ": must be true or false");
        }
        return value.getBooleanValue();
    }

    String requiredString(String name, int maxLength) {
        String value = optionalString(name, maxLength);
        if (value == null || value.isBlank()) {
            throw value == null ? missing(name) : malformed(name + ": must not be blank");
        }
        return value;
    }

    @Nullable
    String optionalString(String name, int maxLength) {
        return string(name, present(name), maxLength);
    }

    /** An object of string fields, each among {@code keys}; null when absent. */
    @Nullable
    Map<String, String> optionalStrings(String name, Set<String> keys, int maxLength) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw malformed(name + ": must be an object");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.entries()) {
            String field = name + "." + entry.getKey();
            if (!keys.contains(entry.getKey())) {
                throw malformed("unknown field \"" + field + "\"; expected " + keys.stream().sorted().toList());
            }
            String text = string(field, entry.getValue().isNull() ? null : entry.getValue(), maxLength);
            if (text != null) {
                result.put(entry.getKey(), text);
            }
        }
        return result;
    }

    private static String string(String name, @Nullable JsonNode value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw malformed(name + ": must be a string");
        }
        String text = value.getStringValue();
        if (text.length() > maxLength) {
            throw limit(name + ": at most " + maxLength + " characters");
        }
        return text;
    }

    /** The field's value; null when absent or JSON null (optional fields may be sent as null). */
    @Nullable
    private JsonNode present(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static ProblemException missing(String name) {
        return malformed(name + ": required");
    }

    static ProblemException malformed(String detail) {
        return new ProblemException(ProblemCode.MALFORMED_REQUEST, detail);
    }

    static ProblemException limit(String detail) {
        return new ProblemException(ProblemCode.SANDBOX_LIMIT, detail);
    }
}

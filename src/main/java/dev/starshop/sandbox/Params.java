package dev.starshop.sandbox;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one Bot API call. Telegram accepts JSON bodies, form fields and query
 * strings; in the latter two every value is a string and structured values (prices,
 * allowed_updates) are JSON-serialized, so the getters convert like Telegram does.
 */
final class Params {

    private final Map<String, Object> values;
    private final JsonMapper json;

    Params(Map<String, Object> values, JsonMapper json) {
        this.values = values;
        this.json = json;
    }

    Map<String, Object> raw() {
        return values;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    String string(String name) {
        Object value = values.get(name);
        return value == null ? null : String.valueOf(value);
    }

    String requiredString(String name) {
        String value = string(name);
        if (value == null) {
            throw BotApiError.badRequest("parameter \"" + name + "\" is required");
        }
        return value;
    }

    Long longValue(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Number) {
            return value == null ? null : ((Number) value).longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw BotApiError.badRequest("field \"" + name + "\" must be of type Integer");
        }
    }

    long requiredLong(String name) {
        Long value = longValue(name);
        if (value == null) {
            throw BotApiError.badRequest("parameter \"" + name + "\" is required");
        }
        return value;
    }

    /** Telegram reads "true"/"1" as true for form fields. */
    boolean bool(String name) {
        Object value = values.get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && ("true".equalsIgnoreCase(value.toString()) || "1".equals(value.toString()));
    }

    Boolean optionalBool(String name) {
        return values.get(name) == null ? null : bool(name);
    }

    /** A JSON array given either as a JSON value or as a JSON-serialized string. */
    @SuppressWarnings("unchecked")
    <T> List<T> list(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof List<?>) {
            return (List<T>) value;
        }
        try {
            return (List<T>) json.readValue(value.toString().getBytes(StandardCharsets.UTF_8),
                    Argument.listOf(Object.class));
        } catch (IOException | RuntimeException e) {
            throw BotApiError.badRequest("can't parse " + name + " JSON object");
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        try {
            return json.readValue(value.toString().getBytes(StandardCharsets.UTF_8),
                    Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            throw BotApiError.badRequest("can't parse " + name + " JSON object");
        }
    }
}

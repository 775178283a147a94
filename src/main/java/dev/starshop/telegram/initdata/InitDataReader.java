package dev.starshop.telegram.initdata;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Turns already-verified fields into an {@link InitData}. The {@code user} JSON is read leniently
 * (a numeric string for {@code id}, {@code "true"} for a flag): the signature already proves
 * Telegram produced it, and older clients and published vectors do send such values.
 */
final class InitDataReader {

    private final JsonMapper json;

    InitDataReader(JsonMapper json) {
        this.json = json;
    }

    InitData read(Map<String, String> fields, InitData.Proof proof) {
        String userJson = fields.get("user");
        return new InitData(userJson == null ? null : user(userJson), authDate(fields.get("auth_date")),
                fields.get("query_id"), fields.get("chat_type"), fields.get("chat_instance"),
                fields.get("start_param"), proof, fields);
    }

    private static Instant authDate(@Nullable String value) {
        if (value == null) {
            throw malformed("auth_date is missing");
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw malformed("auth_date is not a Unix time");
        }
    }

    private TelegramUser user(String userJson) {
        JsonNode node;
        try {
            node = json.readValue(userJson, JsonNode.class);
        } catch (IOException e) {
            throw malformed("user is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw malformed("user is not a JSON object");
        }
        String firstName = text(node, "first_name");
        return new TelegramUser(id(node.get("id")), firstName == null ? "" : firstName,
                text(node, "last_name"), text(node, "username"), text(node, "language_code"),
                flag(node, "is_premium"), text(node, "photo_url"), flag(node, "allows_write_to_pm"));
    }

    private static long id(@Nullable JsonNode id) {
        try {
            if (id != null && id.isNumber()) {
                return Long.parseLong(id.getNumberValue().toString());
            }
            if (id != null && id.isString()) {
                return Long.parseLong(id.getStringValue().trim());
            }
        } catch (NumberFormatException e) {
            // fall through: an id that is not a whole number is no id
        }
        throw malformed("user.id is missing or not an integer");
    }

    private static @Nullable String text(JsonNode user, String name) {
        JsonNode value = user.get(name);
        return value == null || value.isNull() ? null : value.coerceStringValue();
    }

    private static boolean flag(JsonNode user, String name) {
        JsonNode value = user.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        return value.isBoolean() ? value.getBooleanValue() : "true".equalsIgnoreCase(value.coerceStringValue());
    }

    private static InvalidInitDataException malformed(String detail) {
        return new InvalidInitDataException(InvalidInitDataException.Reason.MALFORMED,
                "initData is malformed: " + detail);
    }
}

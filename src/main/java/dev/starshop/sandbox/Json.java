package dev.starshop.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds Telegram-shaped JSON objects as ordered maps. Telegram omits absent optional fields
 * instead of sending null, so null values are skipped here (the engine's serde would otherwise
 * print them, see {@code micronaut.serde.serialization.inclusion}).
 */
final class Json {

    private Json() {
    }

    static Map<String, Object> obj(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}

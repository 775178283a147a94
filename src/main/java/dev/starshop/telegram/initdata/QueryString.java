package dev.starshop.telegram.initdata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} parsing, as Python's
 * {@code parse_qsl(strict_parsing=True)}: every {@code &}-separated piece must contain {@code =},
 * values are percent-decoded as UTF-8 and {@code +} means space. Stricter than Python in two
 * places, both on purpose: a bad percent escape is refused rather than kept literally, and a
 * repeated key is refused, because a signed string must have exactly one reading.
 */
final class QueryString {

    private QueryString() {
    }

    /** Fields in their original order; throws {@link IllegalArgumentException} when malformed. */
    static Map<String, String> parse(String query) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return fields;
        }
        for (String piece : query.split("&", -1)) {
            int eq = piece.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("a query-string piece has no '='");
            }
            String key = decode(piece.substring(0, eq));
            if (fields.putIfAbsent(key, decode(piece.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("field '" + key + "' appears twice");
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String decode(String encoded) {
        // URLDecoder throws IllegalArgumentException on a truncated or non-hex escape.
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}

package dev.starshop.harness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Hostile values for JSON bodies and headers, drawn from a seeded {@link Random}. */
final class Junk {

    /** JSON number texts no long can hold, and numbers of the wrong kind. */
    static final List<String> HUGE_NUMBERS = List.of("1e400", "-1e400", "1180591620717411303424" /* 2^70 */,
            "9223372036854775808", "-9223372036854775809", "1.5", "1e-400", "0.0000001",
            "123456789012345678901234567890123456789012345678901234567890");

    /** JSON values of every type, for a field that expects another. */
    static final List<String> WRONG_TYPES = List.of("\"text\"", "\"\"", "true", "false", "null", "[]", "{}",
            "[1,2,3]", "{\"a\":1}", "\"12\"", "\"1e400\"", "-1", "0");

    /** Byte sequences that are not UTF-8: a lone continuation byte, overlong forms, a surrogate, 0xFF. */
    static final List<byte[]> INVALID_UTF8 = List.of(new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0xAF},
            new byte[]{(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[]{(byte) 0xFF, (byte) 0xFE}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
            new byte[]{(byte) 0xC3});

    static final List<String> STRINGS = List.of("", " ", "\u0000", "' OR 1=1 --", "<script>alert(1)</script>",
            "\uD83D\uDE00\uD83D\uDE00", "\u202Eevil", "../../etc/passwd", "%00", "\\u0000", "Robert'); DROP TABLE orders;--",
            "\u4E2D\u6587", "a".repeat(300));

    private final Random random;

    Junk(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Any JSON value of a type chosen at random: a hostile string, a huge number or a wrong type. */
    String value() {
        return switch (random.nextInt(3)) {
            case 0 -> quote(pick(STRINGS));
            case 1 -> pick(HUGE_NUMBERS);
            default -> pick(WRONG_TYPES);
        };
    }

    /** Arrays or objects nested {@code depth} levels deep around a number. */
    static String nested(int depth, boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    /** {@code json} with a string value replaced by one holding invalid UTF-8 bytes. */
    byte[] withInvalidUtf8(String jsonWithMarker) {
        int at = jsonWithMarker.indexOf("@@");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(jsonWithMarker.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(pick(INVALID_UTF8));
        out.writeBytes(jsonWithMarker.substring(at + 2).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A prefix of {@code text} cut at a random place (never the whole). */
    String truncated(String text) {
        return text.substring(0, random.nextInt(Math.max(1, text.length() - 1)));
    }

    byte[] randomBytes(int max) {
        byte[] bytes = new byte[1 + random.nextInt(max)];
        random.nextBytes(bytes);
        return bytes;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}

package dev.starshop.platform.migration;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway 10 records for an SQL migration, computed without Flyway: a CRC-32 over the
 * file's lines in UTF-8 (Flyway's default encoding), each without its line ending, the first line
 * also without a byte-order mark at its start (Flyway's {@code ChecksumCalculator} filters the mark
 * from the first line only), taken as a signed 32-bit number. Line endings (LF, CRLF, CR) therefore
 * do not change it. It equals Flyway's only while placeholder replacement changes nothing, which
 * {@link PackagedMigration} makes sure of (a file containing {@code ${} is not for the fast path).
 */
final class FlywayChecksum {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private FlywayChecksum() {
    }

    static int of(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = lineEnd(text, lineStart);
            String line = text.substring(lineStart, lineEnd);
            crc.update((lineStart == 0 ? withoutLeadingMark(line) : line).getBytes(StandardCharsets.UTF_8));
            lineStart = nextLine(text, lineEnd);
        }
        return (int) crc.getValue();
    }

    private static int lineEnd(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
            at++;
        }
        return at;
    }

    /** After a line's end: one LF, one CR, or one CRLF, as {@link java.io.BufferedReader#readLine()}. */
    private static int nextLine(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            lineEnd++;
            return lineEnd < text.length() && text.charAt(lineEnd) == '\n' ? lineEnd + 1 : lineEnd;
        }
        return lineEnd + 1;
    }

    private static String withoutLeadingMark(String line) {
        return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    }
}

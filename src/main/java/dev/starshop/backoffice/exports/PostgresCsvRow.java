package dev.starshop.backoffice.exports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * One row of PostgreSQL's CSV output ({@code COPY … TO STDOUT WITH (FORMAT csv)}), split into its fields
 * without decoding them. PostgreSQL quotes a field that holds a comma, quote, CR or LF, and an empty
 * string (to tell it from NULL, which is nothing at all), doubling the quotes inside. So a comma ends a
 * field exactly when an even number of quotes came before it. UTF-8 never uses the bytes of a comma or
 * a quote inside a multi-byte character.
 *
 * <p>Fields are decoded only when asked, each by the type its column has in the SELECT: text, bigint,
 * numeric, or a timestamptz written in UTC with the ISO DateStyle.
 */
final class PostgresCsvRow {

    private static final byte[] UTC = {'+', '0', '0'};
    private static final int LONGEST_EXACT_LONG = 18; // digits that always fit a long
    private static final int[] NANOS_PER_DIGIT = {
        100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private final int[] starts;
    private final int[] ends;
    private byte[] bytes;
    private int length;

    PostgresCsvRow(int fields) {
        this.starts = new int[fields];
        this.ends = new int[fields];
    }

    /** Splits one row as COPY sends it (a message per row), ending in LF, or CRLF from a server on Windows. */
    PostgresCsvRow read(byte[] row) throws IOException {
        int end = row.length;
        if (end > 0 && row[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && row[end - 1] == '\r') {
            end--;
        }
        bytes = row;
        starts[0] = 0;
        int field = 0;
        boolean quoted = false;
        for (int i = 0; i < end; i++) {
            if (row[i] == '"') {
                quoted = !quoted;
            } else if (row[i] == ',' && !quoted) {
                if (field == starts.length - 1) {
                    throw new IOException("More than " + starts.length + " fields in a COPY row");
                }
                ends[field] = i;
                starts[++field] = i + 1;
            }
        }
        if (field != starts.length - 1) {
            throw new IOException((field + 1) + " fields in a COPY row, not " + starts.length);
        }
        ends[field] = end;
        length = end;
        return this;
    }

    byte[] bytes() {
        return bytes;
    }

    /** Where the row's last field ends: its line end is not part of it. */
    int length() {
        return length;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    /** The field as text, for fields that are never quoted (numbers, codes). */
    String ascii(int field) {
        return new String(bytes, starts[field], ends[field] - starts[field], StandardCharsets.US_ASCII);
    }

    boolean sameBytes(int field, byte[] other) {
        return Arrays.equals(bytes, starts[field], ends[field], other, 0, other.length);
    }

    /** NULL: nothing between the separators (an empty string is {@code ""}). */
    boolean isNull(int field) {
        return starts[field] == ends[field];
    }

    /** The field as the driver's {@code getString} reads it: null for NULL, quotes taken off and undoubled. */
    String text(int field) {
        int start = starts[field];
        int end = ends[field];
        if (start == end) {
            return null;
        }
        if (bytes[start] != '"') {
            return new String(bytes, start, end - start, StandardCharsets.UTF_8);
        }
        byte[] unquoted = new byte[end - start - 2];
        int length = 0;
        for (int i = start + 1; i < end - 1; i++) {
            unquoted[length++] = bytes[i];
            if (bytes[i] == '"') {
                i++; // the second of a doubled quote
            }
        }
        return new String(unquoted, 0, length, StandardCharsets.UTF_8);
    }

    /** A bigint (or integer) field; a NULL fails. */
    long longValue(int field) throws IOException {
        int start = starts[field];
        int end = ends[field];
        boolean negative = end > start && bytes[start] == '-';
        int first = negative ? start + 1 : start;
        if (first == end || end - first > LONGEST_EXACT_LONG) {
            return parseLong(field);
        }
        long value = 0;
        for (int i = first; i < end; i++) {
            value = value * 10 + digit(i, field);
        }
        return negative ? -value : value;
    }

    Long longOrNull(int field) throws IOException {
        return isNull(field) ? null : longValue(field);
    }

    /** A numeric field with the scale PostgreSQL wrote, as the driver's {@code getBigDecimal} reads it. */
    BigDecimal decimalOrNull(int field) throws IOException {
        if (isNull(field)) {
            return null;
        }
        try {
            return new BigDecimal(ascii(field));
        } catch (NumberFormatException e) {
            throw new IOException("Not a number in a COPY row: " + ascii(field), e);
        }
    }

    /** A date field as {@link LocalDate#toString} writes it, checked to be one. */
    String dateTextOrNull(int field) throws IOException {
        if (isNull(field)) {
            return null;
        }
        String text = ascii(field);
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeException e) {
            throw new IOException("Not a date in a COPY row: " + text, e);
        }
    }

    /** A timestamptz as PostgreSQL writes it in UTC with the ISO DateStyle ({@code 2026-01-31 23:30:00.5+00}). */
    Instant utcInstant(int field) throws IOException {
        int start = starts[field];
        int length = utcTimestampLength(bytes, start, ends[field]);
        int nanos = 0;
        for (int i = 20; i < length; i++) {
            nanos += digit(start + i, field) * NANOS_PER_DIGIT[i - 20];
        }
        try {
            LocalDateTime at = LocalDateTime.of(number(start, 4, field),
                    number(start + 5, 2, field), number(start + 8, 2, field), number(start + 11, 2, field),
                    number(start + 14, 2, field), number(start + 17, 2, field), nanos);
            return at.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IOException("Not a timestamp in a COPY row: " + ascii(field), e);
        }
    }

    /**
     * The length of a UTC timestamp's text before its {@code +00}: 19 without a fraction of a second,
     * 21 to 26 with one. Years before 1 or after 9999, or another zone, look different and fail.
     */
    static int utcTimestampLength(byte[] text, int start, int end) throws IOException {
        int length = end - start - UTC.length;
        boolean fraction = length > 19;
        if (length < 19 || length == 20 || length > 26 || text[start + 4] != '-' || text[start + 7] != '-'
                || text[start + 10] != ' ' || text[start + 13] != ':' || text[start + 16] != ':'
                || (fraction && text[start + 19] != '.')
                || !Arrays.equals(text, start + length, end, UTC, 0, UTC.length)) {
            throw new IOException("Not a UTC timestamp with a four-digit year: "
                    + new String(text, start, Math.max(end - start, 0), StandardCharsets.UTF_8));
        }
        return length;
    }

    private long parseLong(int field) throws IOException {
        try {
            return Long.parseLong(ascii(field));
        } catch (NumberFormatException e) {
            throw new IOException("Not a whole number in a COPY row: '" + ascii(field) + "'", e);
        }
    }

    private int number(int from, int digits, int field) throws IOException {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + digit(i, field);
        }
        return value;
    }

    private int digit(int at, int field) throws IOException {
        int digit = bytes[at] - '0';
        if (digit < 0 || digit > 9) {
            throw new IOException("Not a digit in a COPY field: '" + ascii(field) + "'");
        }
        return digit;
    }
}

package dev.starshop.backoffice.exports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One row of PostgreSQL's CSV output ({@code COPY … TO STDOUT WITH (FORMAT csv)}), split into its fields
 * without decoding them. PostgreSQL quotes a field that holds a comma, quote, CR or LF, and an empty
 * string (to tell it from NULL, which is nothing at all), doubling the quotes inside. So a comma ends a
 * field exactly when an even number of quotes came before it. UTF-8 never uses the bytes of a comma or
 * a quote inside a multi-byte character.
 */
final class PostgresCsvRow {

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
}

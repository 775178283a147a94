package dev.starshop.backoffice.exports;

import java.util.Arrays;

/**
 * The text of a COPY field that takes few distinct values (a kind, an account, a currency code),
 * decoded once per value: each row gets the same String instead of a new one, which on a million-row
 * export is a million fewer objects per column for the collector. Keeps the first {@value #KEPT}
 * values it meets; a column with more simply decodes the others each time.
 */
final class RecurringText {

    static final int KEPT = 16;

    private final byte[][] raw = new byte[KEPT][];
    private final String[] texts = new String[KEPT];
    private int kept;

    /** The field as {@link PostgresCsvRow#text} reads it. */
    String of(PostgresCsvRow row, int field) {
        if (row.isNull(field)) {
            return null;
        }
        for (int i = 0; i < kept; i++) {
            if (row.sameBytes(field, raw[i])) {
                return texts[i];
            }
        }
        String text = row.text(field);
        if (kept < KEPT) {
            raw[kept] = Arrays.copyOfRange(row.bytes(), row.start(field), row.end(field));
            texts[kept++] = text;
        }
        return text;
    }
}

package dev.starshop.backoffice.exports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * COPY's CSV fields decoded as the driver reads the same values: NULL against the empty string, quotes
 * taken off and undoubled, UTF-8, whole numbers to the ends of a long, numerics with their scale.
 * (Timestamps: {@link LedgerCsvLinesTest}, against PostgreSQL's own text.)
 */
class PostgresCsvRowTest {

    @Test
    void textIsUnquotedAndNullIsNotTheEmptyString() throws IOException {
        PostgresCsvRow row = row("\"a\"\"b, c\",,\"\",plain,\"€ \"\"x\"\"\",\"\"\"\"", 6);

        assertEquals("a\"b, c", row.text(0));
        assertNull(row.text(1));
        assertEquals("", row.text(2));
        assertEquals("plain", row.text(3));
        assertEquals("€ \"x\"", row.text(4));
        assertEquals("\"", row.text(5));
    }

    @Test
    void wholeNumbersReachBothEndsOfALong() throws IOException {
        for (long value : new long[] {0, 7, -7, 999_999_999_999_999_999L, -999_999_999_999_999_999L,
                Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(value, row(Long.toString(value), 1).longValue(0), Long.toString(value));
        }
        assertNull(row(",", 2).longOrNull(0));
    }

    @Test
    void whatIsNoWholeNumberFailsInsteadOfBeingMisread() {
        for (String text : new String[] {"12a", "-", "1.5", "9223372036854775808", "\"12\""}) {
            assertThrows(IOException.class, () -> row(text, 1).longValue(0), text);
        }
        assertThrows(IOException.class, () -> row(",", 2).longValue(0), "NULL where a number must be");
    }

    @Test
    void numericsKeepTheScalePostgresWrote() throws IOException {
        PostgresCsvRow row = row("0.0130,-12.50,5,", 4);

        assertEquals(new BigDecimal("0.0130"), row.decimalOrNull(0));
        assertEquals(4, row.decimalOrNull(0).scale());
        assertEquals(new BigDecimal("-12.50"), row.decimalOrNull(1));
        assertEquals(new BigDecimal("5"), row.decimalOrNull(2));
        assertNull(row.decimalOrNull(3));
    }

    private static PostgresCsvRow row(String line, int fields) throws IOException {
        return new PostgresCsvRow(fields).read((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}

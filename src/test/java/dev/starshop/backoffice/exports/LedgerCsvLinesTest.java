package dev.starshop.backoffice.exports;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The ledger CSV's rewritten cells against the row path's ({@link CsvSink}): PostgreSQL's own text of
 * a timestamp in UTC, as COPY writes it, becomes {@code ISO_INSTANT}'s text, fractions included (and
 * the same instant again for the XLSX's cell, {@link PostgresCsvRow#utcInstant}); a
 * bigint's digits become the decimal BigDecimal writes, for exponents 0 to 3 (Telegram's table has no
 * currency with 3 today). Text, quoting and whole rows are compared on real ledger rows in
 * {@link LedgerCopyTest}.
 */
@MicronautTest(transactional = false)
class LedgerCsvLinesTest {

    @Inject
    DataSource dataSource;

    @Test
    void postgresTimestampsBecomeIsoInstantsLikeOnTheRowPath() throws Exception {
        for (String instant : List.of("2026-01-31T23:30:00Z", "2026-01-31T23:30:00.500Z", "2026-01-31T23:30:00.120Z",
                "2026-01-31T23:30:00.100Z", "2026-01-31T23:59:59.123456Z", "2026-01-31T23:59:59.123400Z",
                "2026-01-31T23:59:59.000001Z", "2024-02-29T00:00:00Z", "1969-12-31T23:59:59.999Z",
                "0999-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z")) {
            Instant at = Instant.parse(instant);
            String postgresText = postgresText(at);
            assertEquals(CsvSink.text(Cell.TIMESTAMP, at), isoInstant(postgresText), instant);
            assertEquals(at, copyRow(postgresText).utcInstant(0), "the XLSX's cell of " + instant);
        }
    }

    @Test
    void amountsGetTheCurrencysExponentLikeOnTheRowPath() {
        for (int exponent : new int[] {0, 1, 2, 3}) {
            for (long minor : new long[] {0, 1, -1, 5, -5, 99, -99, 100, -100, 1234, -1234, 1_000_000, 10_000_001,
                    Long.MAX_VALUE, Long.MIN_VALUE}) {
                byte[] digits = Long.toString(minor).getBytes(StandardCharsets.US_ASCII); // as PostgreSQL writes it
                ByteBuffer out = ByteBuffer.allocate(64);
                LedgerCsvLines.decimal(digits, 0, digits.length, exponent, out);
                assertEquals(CsvSink.text(Cell.DECIMAL, BigDecimal.valueOf(minor, exponent)),
                        new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII),
                        minor + " with exponent " + exponent);
            }
        }
    }

    @Test
    void aTimestampBeyondFourDigitYearsFailsInsteadOfBeingMisread() throws Exception {
        String text = postgresText(Instant.parse("+10000-01-01T00:00:00Z"));
        assertThrows(IOException.class, () -> isoInstant(text));
        assertThrows(IOException.class, () -> copyRow(text).utcInstant(0));
        assertThrows(IOException.class, () -> copyRow("2026-01-31 23:30:00+02").utcInstant(0), "another zone");
    }

    private static PostgresCsvRow copyRow(String oneField) throws IOException {
        return new PostgresCsvRow(1).read((oneField + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static String isoInstant(String postgresText) throws IOException {
        byte[] text = postgresText.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(64);
        LedgerCsvLines.isoInstant(text, 0, text.length, out);
        return new String(out.array(), 0, out.position(), StandardCharsets.US_ASCII);
    }

    /** What COPY writes for this instant in the export's transaction (TimeZone UTC, DateStyle ISO). */
    private String postgresText(Instant at) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL TimeZone = 'UTC'");
                settings.execute("SET LOCAL DateStyle = 'ISO'");
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT CAST(? AS timestamptz)::text")) {
                select.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(9)));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            } finally {
                connection.rollback();
            }
        }
    }
}

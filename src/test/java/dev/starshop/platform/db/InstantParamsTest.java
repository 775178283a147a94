package dev.starshop.platform.db;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instant bound by {@link Params} reaches PostgreSQL as the same {@code timestamptz} as the driver's
 * {@code setTimestamp(Timestamp.from(instant))}, which it replaced: rounding to the microsecond, instants before
 * 1970, the fallback beyond year 9999, and a session in another time zone included.
 */
@MicronautTest(transactional = false)
class InstantParamsTest {

    private static final List<Instant> INSTANTS = List.of(
            Instant.parse("2026-12-06T11:14:28Z"),
            Instant.parse("2026-12-06T11:14:28.123456Z"),
            Instant.parse("2026-12-06T11:14:28.100Z"),
            Instant.parse("2026-12-06T11:14:28.000000499Z"),
            Instant.parse("2026-12-06T11:14:28.000000500Z"),
            Instant.parse("2026-12-06T23:59:59.999999500Z"),
            Instant.parse("1969-12-31T23:59:59.000001Z"),
            Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999999Z"),
            Instant.parse("9999-12-31T23:59:59.999999600Z"),
            Instant.now());

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void bindsTheInstantTheDriverWouldHave() {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            for (String zone : List.of("UTC", "Asia/Kolkata", "America/St_Johns")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL TIME ZONE '" + zone + "'");
                }
                for (Instant instant : INSTANTS) {
                    assertSame(connection, instant, zone);
                }
            }
            return null;
        });
    }

    @Test
    void writesTheDriversText() {
        assertEquals("2026-12-06 11:14:28+00", text("2026-12-06T11:14:28Z"));
        assertEquals("2026-12-06 11:14:28.000100+00", text("2026-12-06T11:14:28.0001Z"));
        assertEquals("0001-01-01 00:00:00+00", text("0001-01-01T00:00:00Z"));
    }

    private static String text(String instant) {
        return Params.timestamptzText(java.time.LocalDateTime.ofInstant(Instant.parse(instant), java.time.ZoneOffset.UTC));
    }

    private static void assertSame(Connection connection, Instant instant, String zone) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT ?::timestamptz AS ours, ?::timestamptz AS drivers")) {
            Params params = Params.of("at", instant);
            params.bind(statement, 1, "at");
            statement.setTimestamp(2, Timestamp.from(instant));
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(rows.getObject("drivers", OffsetDateTime.class), rows.getObject("ours", OffsetDateTime.class),
                        instant + " in a session in " + zone);
            }
        }
    }
}

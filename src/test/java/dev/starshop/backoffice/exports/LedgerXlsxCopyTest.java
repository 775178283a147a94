package dev.starshop.backoffice.exports;

import dev.starshop.money.CurrencyTable;
import dev.starshop.support.Api;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The canonical ledger XLSX, whose rows PostgreSQL's COPY sends ({@link LedgerCopy}, {@link LedgerCopyCells}):
 * the same file, byte for byte, as the row path ({@link ExportWriter#writeRows}, the driver's decoding) writes
 * for the same request, for tricky text, fractions of a second, three currencies, a refund, fractions of a
 * Star and valued Stars. (COPY's failures and its drain after a broken download: {@link LedgerCsvTest}.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerXlsxCopyTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    ExportWriter writer;

    @Inject
    CurrencyTable currencies;

    TrickyLedger ledger;

    @BeforeAll
    void bookTrickyTransactions() throws SQLException {
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3_000));
        ledger = TrickyLedger.book(DelegatingDataSource.unwrapDataSource(dataSource), day);
    }

    @Test
    void copyWritesTheSameFileAsTheRowPath() throws Exception {
        LocalDate day = ledger.day();
        for (Map<String, String> query : List.of(
                Map.of("from", day.toString(), "to", day.toString()),
                Map.of("from", day.plusDays(1).toString(), "to", day.plusDays(1).toString(), "tz", "Asia/Tokyo"),
                Map.of("from", day.toString(), "to", day.toString(), "tz", "America/Los_Angeles", "currency", "USD"),
                Map.of("from", day.minusDays(1).toString(), "to", day.toString(), "currency", "JPY"))) {
            byte[] downloaded = get(query);
            assertArrayEquals(rowPath(query), downloaded, query.toString());
            assertTrue(sheet(downloaded).contains("<row r=\"2\""), "rows besides the header for " + query);
        }
    }

    @Test
    void valuedStarsAndFractionsOfAStarGiveTheSameFileAsTheRowPath() throws Exception {
        LocalDate day = ledger.day().minusDays(4);
        Map<String, String> query = Map.of("from", day.toString(), "to", day.toString());
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            long valued = starsPayment(connection, day, "10:00:00.25", 1, 500_000_000);
            value(connection, valued, day, "0.0130", "USD", 2);
            starsPayment(connection, day, "11:00:00", 0, 250_000_000); // a quarter of a Star: a DEBIT of 0

            byte[] copy = written(connection, query, true);
            byte[] rows = written(connection, query, false);
            connection.rollback();

            assertArrayEquals(rows, copy);
            String sheet = sheet(copy);
            for (String expected : List.of("0.0130", "OPERATOR", "500000000", "250000000", "DEBIT")) {
                assertTrue(sheet.contains(expected), expected + " in " + sheet);
            }
        }
    }

    /** A Stars payment of {@code stars} and {@code nanos}; its id. */
    private static long starsPayment(Connection connection, LocalDate day, String time, long stars, int nanos)
            throws SQLException {
        long id = single(connection, "INSERT INTO ledger_transactions (external_key, kind, currency, occurred_at, "
                + "recorded_at) VALUES (?, 'PAYMENT', 'XTR', ?::timestamptz, now()) RETURNING id",
                "copy-xlsx-" + UUID.randomUUID(), day + "T" + time + "Z");
        for (int sign : new int[] {1, -1}) {
            single(connection, "INSERT INTO ledger_postings (transaction_id, account, currency, amount, nanos) "
                    + "VALUES (?, ?, 'XTR', ?, ?) RETURNING id", id,
                    sign > 0 ? "telegram_stars_receivable" : "sales_revenue", sign * stars, sign * nanos);
        }
        return id;
    }

    /** Locks {@code rate} onto the transaction and values its postings at ±123 minor units. */
    private static void value(Connection connection, long transaction, LocalDate day, String rate, String currency,
                              int exponent) throws SQLException {
        long rateId = single(connection, "INSERT INTO xtr_rates (currency, effective_on, rate, source, created_at) "
                + "VALUES (?, ?::date, ?::numeric, 'OPERATOR', now()) RETURNING id", currency, day.toString(), rate);
        single(connection, "INSERT INTO stars_valuations (transaction_id, currency, value_date, exponent, rate_id, "
                + "rate, rate_date, rate_source, valued_at) VALUES (?, ?, ?::date, ?, ?, ?::numeric, ?::date, "
                + "'OPERATOR', now()) RETURNING transaction_id", transaction, currency, day.toString(), exponent,
                rateId, rate, day.toString());
        single(connection, "INSERT INTO stars_posting_values (posting_id, transaction_id, fiat_amount) "
                + "SELECT p.id, p.transaction_id, sign(p.amount) * 123 FROM ledger_postings p "
                + "WHERE p.transaction_id = ? RETURNING transaction_id", transaction);
    }

    private static long single(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), sql);
                return row.getLong(1);
            }
        }
    }

    private byte[] rowPath(Map<String, String> query) throws Exception {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            byte[] written = written(connection, query, false);
            connection.rollback();
            return written;
        }
    }

    private byte[] written(Connection connection, Map<String, String> query, boolean copy) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (copy) {
            new LedgerCopy(currencies).write(connection, request(query), out);
        } else {
            writer.writeRows(connection, request(query), out);
        }
        return out.toByteArray();
    }

    private ExportRequest request(Map<String, String> query) {
        return ExportRequest.parse("ledger.xlsx", query.get("from"), query.get("to"), query.get("tz"),
                query.get("currency"), null, null, false, currencies);
    }

    private byte[] get(Map<String, String> query) {
        String queryString = String.join("&", query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList());
        HttpResponse<byte[]> response = http.toBlocking().exchange(HttpRequest.GET("/api/admin/exports/ledger.xlsx?"
                + queryString).bearerAuth(Api.ADMIN_TOKEN), byte[].class);
        assertEquals(200, response.code());
        return response.body();
    }

    /** The first worksheet's XML (the files written here are standard ZIPs, sizes in their headers). */
    private static String sheet(byte[] xlsx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("no xl/worksheets/sheet1.xml");
    }
}

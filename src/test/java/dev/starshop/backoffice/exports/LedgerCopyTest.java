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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The canonical ledger, whose rows PostgreSQL's COPY sends ({@link LedgerCopy}). The CSV: exact bytes for
 * tricky values, and the same cells as the row path ({@link CsvSink}) gives for the same request. The XLSX
 * ({@link LedgerCopyCells}): byte for byte the file the row path ({@link ExportWriter#writeRows}, the
 * driver's decoding) writes, also for fractions of a Star and valued Stars. Both: a failure or a broken
 * download leaves the connection fit for its next user. The ledger rows are booked on a day of the 1990s
 * that no other test uses, late in the UTC day so that Asia/Tokyo reads them on the next day.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerCopyTest {

    private static final String CSV = "ledger.csv";
    private static final String XLSX = "ledger.xlsx";
    private static final String HEADER = "transaction_id,external_key,kind,occurred_at,account,currency,amount_minor,"
            + "amount,side,order_id,buyer_id,buyer_username,telegram_charge_id,provider_charge_id,"
            + "reverses_transaction_id,promo_code,amount_nanos,fiat_currency,fiat_amount_minor,fiat_amount,fiat_rate,"
            + "fiat_rate_date,fiat_rate_source";

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
    void trickyValuesAreQuotedNeutralisedAndEndInCrlf() {
        // Every row ends with an empty promo_code (no order with a code), 0 nanos (whole Stars) and no
        // valuation (no XTR rate is in force in the 1990s: Stars rows say UNVALUED, fiat rows leave it empty).
        String expected = HEADER + "\r\n" + String.join("\r\n",
                "{tx1},\"'=SUM(1,2) \"\"x\"\"-{batch}\",PAYMENT,{day}T23:30:00Z,telegram_stars_receivable,XTR,100,100,"
                        + "DEBIT,{order1},{buyer1},\"'-minus, \"\"quoted\"\"\",\"line1\nline2\",,,,0,,,,,,UNVALUED",
                "{tx1},\"'=SUM(1,2) \"\"x\"\"-{batch}\",PAYMENT,{day}T23:30:00Z,sales_revenue,XTR,-100,-100,"
                        + "CREDIT,{order1},{buyer1},\"'-minus, \"\"quoted\"\"\",\"line1\nline2\",,,,0,,,,,,UNVALUED",
                "{tx2},'+ünïcødé €-{batch},PAYMENT,{day}T23:30:00.500Z,provider_receivable,USD,1239,12.39,DEBIT,"
                        + "{order2},{buyer2},'@at,'\tTab,\"ch_,comma\",,,0,,,,,,",
                "{tx2},'+ünïcødé €-{batch},PAYMENT,{day}T23:30:00.500Z,sales_revenue,USD,-1000,-10.00,CREDIT,"
                        + "{order2},{buyer2},'@at,'\tTab,\"ch_,comma\",,,0,,,,,,",
                "{tx2},'+ünïcødé €-{batch},PAYMENT,{day}T23:30:00.500Z,shipping_revenue,USD,-234,-2.34,CREDIT,"
                        + "{order2},{buyer2},'@at,'\tTab,\"ch_,comma\",,,0,,,,,,",
                "{tx2},'+ünïcødé €-{batch},PAYMENT,{day}T23:30:00.500Z,tips_revenue,USD,-5,-0.05,CREDIT,"
                        + "{order2},{buyer2},'@at,'\tTab,\"ch_,comma\",,,0,,,,,,",
                "{tx3}, refund-{batch},REFUND,{day}T23:45:00Z,sales_refunds,XTR,100,100,DEBIT,"
                        + "{order1},{buyer3},\"'\rCR\",#hash,,{tx1},,0,,,,,,UNVALUED",
                "{tx3}, refund-{batch},REFUND,{day}T23:45:00Z,telegram_stars_receivable,XTR,-100,-100,CREDIT,"
                        + "{order1},{buyer3},\"'\rCR\",#hash,,{tx1},,0,,,,,,UNVALUED",
                "{tx4},plain-{batch},PAYMENT,{day}T23:59:59.123456Z,provider_receivable,JPY,500,500,DEBIT,,{buyer4},,"
                        + "\"\"\"quote first\",pi_jpy,,,0,,,,,,",
                "{tx4},plain-{batch},PAYMENT,{day}T23:59:59.123456Z,sales_revenue,JPY,-500,-500,CREDIT,,{buyer4},,"
                        + "\"\"\"quote first\",pi_jpy,,,0,,,,,,")
                + "\r\n";

        assertEquals(ledger.fillIn(expected), text(get("from=" + ledger.day() + "&to=" + ledger.day())));
    }

    @Test
    void postgresWritesTheSameCellsAsTheRowPath() throws Exception {
        for (Map<String, String> query : periods()) {
            byte[] copy = get(queryString(query));
            assertEquals(records(rowPath(CSV, query)), records(copy), query.toString());
            assertTrue(records(copy).size() > 1, "rows besides the header for " + query);
        }
    }

    @Test
    void theXlsxIsTheRowPathsFileByteForByte() throws Exception {
        for (Map<String, String> query : periods()) {
            byte[] downloaded = download(XLSX, queryString(query));
            assertArrayEquals(rowPath(XLSX, query), downloaded, query.toString());
            assertTrue(sheet(downloaded).contains("<row r=\"2\""), "rows besides the header for " + query);
        }
    }

    @Test
    void valuedStarsAndFractionsOfAStarGiveTheRowPathsXlsx() throws Exception {
        LocalDate day = ledger.day().minusDays(4);
        Map<String, String> query = Map.of("from", day.toString(), "to", day.toString());
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            long valued = starsPayment(connection, day, "10:00:00.25", 1, 500_000_000);
            value(connection, valued, day, "0.0130");
            starsPayment(connection, day, "11:00:00", 0, 250_000_000); // a quarter of a Star: a DEBIT of 0

            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            new LedgerCopy(currencies).write(connection, request(XLSX, query), copy);
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            writer.writeRows(connection, request(XLSX, query), rows);
            connection.rollback();

            assertArrayEquals(rows.toByteArray(), copy.toByteArray());
            String sheet = sheet(copy.toByteArray());
            for (String expected : List.of("0.0130", "OPERATOR", "500000000", "250000000", "DEBIT")) {
                assertTrue(sheet.contains(expected), expected + " in " + sheet);
            }
        }
    }

    @Test
    void theDayIsReadInTheRequestedZoneWhileTimesStayInUtc() {
        LocalDate day = ledger.day();
        String utc = text(get("from=" + day + "&to=" + day));
        String tokyo = text(get("from=" + day.plusDays(1) + "&to=" + day.plusDays(1) + "&tz=Asia/Tokyo"));

        assertEquals(utc, tokyo, "23:30 UTC is the next morning in Tokyo; the file still says UTC");
        assertEquals(HEADER + "\r\n", text(get("from=" + day + "&to=" + day + "&tz=Asia/Tokyo")));
    }

    @Test
    void aBomGoesFirstAndTheRestIsUnchanged() {
        String query = "from=" + ledger.day() + "&to=" + ledger.day();
        String withBom = text(get(query + "&bom=true"));

        assertEquals("\uFEFF" + text(get(query)), withBom);
        assertArrayEquals(get(query + "&bom=true"), get(query + "&bom=true"), "same request, same bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {CSV, XLSX})
    void aCurrencyWithoutExponentFailsTheExportInsteadOfWritingWrongAmounts(String file) throws SQLException {
        LocalDate day = ledger.day().minusDays(2);
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            TrickyLedger.bookUncommitted(connection, day, "BHD"); // rolled back: nobody else ever sees it
            ExportRequest request = request(file, Map.of("from", day.toString(), "to", day.toString()));
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> new LedgerCopy(currencies).write(connection, request, new ByteArrayOutputStream()));
            assertTrue(failure.getMessage().contains("'BHD'"), failure.getMessage());
            connection.rollback();
            try (Statement statement = connection.createStatement();
                 ResultSet one = statement.executeQuery("SELECT 1")) {
                assertTrue(one.next(), "the rest of the COPY was read: the connection can go back to the pool");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CSV, XLSX})
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the drain it hangs
    void aDownloadThatBreaksMidwayLeavesTheConnectionFitForItsNextUser(String file) throws SQLException {
        LocalDate day = ledger.day().minusDays(3);
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            // 40,000 rows: far more than the first 64 KB written, and than the XLSX's stages hold
            bookPayments(connection, day, 20_000);
            ExportRequest request = request(file, Map.of("from", day.toString(), "to", day.toString()));
            IOException broken = assertThrows(IOException.class, () -> new LedgerCopy(currencies)
                    .write(connection, request, new BreaksAfter(64 * 1024)));
            assertEquals("the client went away", broken.getMessage());
            connection.rollback();
            try (Statement statement = connection.createStatement();
                 ResultSet one = statement.executeQuery("SELECT 41 + 1")) {
                assertTrue(one.next());
                assertEquals(42, one.getInt(1), "the COPY's remaining rows were read, not left on the wire");
            }
        }
    }

    /** Balanced Stars payments on {@code day}, in the caller's transaction (rolled back by the test). */
    private static void bookPayments(Connection connection, LocalDate day, int count) throws SQLException {
        String batch = "drain-" + java.util.UUID.randomUUID();
        try (Statement insert = connection.createStatement()) {
            insert.execute("INSERT INTO ledger_transactions (external_key, kind, currency, occurred_at, recorded_at) "
                    + "SELECT '" + batch + ":' || g, 'PAYMENT', 'XTR', '" + day + "T00:00:00Z'::timestamptz "
                    + "+ g * interval '1 second', now() FROM generate_series(1, " + count + ") g");
            insert.execute("INSERT INTO ledger_postings (transaction_id, account, currency, amount) "
                    + "SELECT t.id, p.account, 'XTR', p.sign * 7 FROM ledger_transactions t CROSS JOIN "
                    + "(VALUES ('telegram_stars_receivable', 1), ('sales_revenue', -1)) AS p (account, sign) "
                    + "WHERE t.external_key LIKE '" + batch + ":%'");
        }
    }

    /** A response that fails like a closed socket once {@code limit} bytes were written. */
    private static final class BreaksAfter extends java.io.OutputStream {
        private final int limit;
        private int written;

        BreaksAfter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            written += length;
            if (written > limit) {
                throw new IOException("the client went away");
            }
        }
    }

    /** A Stars payment of {@code stars} and {@code nanos}, in the caller's transaction; its id. */
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

    /** Locks a USD {@code rate} onto the transaction and values its postings at ±1.23 USD. */
    private static void value(Connection connection, long transaction, LocalDate day, String rate) throws SQLException {
        long rateId = single(connection, "INSERT INTO xtr_rates (currency, effective_on, rate, source, created_at) "
                + "VALUES ('USD', ?::date, ?::numeric, 'OPERATOR', now()) RETURNING id", day.toString(), rate);
        single(connection, "INSERT INTO stars_valuations (transaction_id, currency, value_date, exponent, rate_id, "
                + "rate, rate_date, rate_source, valued_at) VALUES (?, 'USD', ?::date, 2, ?, ?::numeric, ?::date, "
                + "'OPERATOR', now()) RETURNING transaction_id", transaction, day.toString(), rateId, rate,
                day.toString());
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

    /** Whole days, a zone that moves the day, and a currency filter, each holding some of the tricky rows. */
    private List<Map<String, String>> periods() {
        LocalDate day = ledger.day();
        return List.of(
                Map.of("from", day.toString(), "to", day.toString()),
                Map.of("from", day.plusDays(1).toString(), "to", day.plusDays(1).toString(), "tz", "Asia/Tokyo"),
                Map.of("from", day.toString(), "to", day.toString(), "tz", "America/Los_Angeles", "currency", "USD"),
                Map.of("from", day.minusDays(1).toString(), "to", day.toString(), "currency", "JPY"));
    }

    private byte[] rowPath(String file, Map<String, String> query) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            writer.writeRows(connection, request(file, query), out);
            connection.rollback();
        }
        return out.toByteArray();
    }

    private ExportRequest request(String file, Map<String, String> query) {
        return ExportRequest.parse(file, query.get("from"), query.get("to"), query.get("tz"),
                query.get("currency"), null, null, false, currencies);
    }

    private byte[] get(String query) {
        return download(CSV, query);
    }

    private byte[] download(String file, String query) {
        HttpResponse<byte[]> response = http.toBlocking().exchange(HttpRequest.GET("/api/admin/exports/" + file + "?"
                + query).bearerAuth(Api.ADMIN_TOKEN), byte[].class);
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

    private static String queryString(Map<String, String> query) {
        return String.join("&", query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static List<List<String>> records(byte[] csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(text(csv))).getRecords().stream()
                .map(CSVRecord::toList).toList();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

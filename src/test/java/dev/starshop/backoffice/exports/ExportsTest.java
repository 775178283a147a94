package dev.starshop.backoffice.exports;

import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import dev.starshop.support.TelegramUpdates;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports parsed back and compared with the database. Our payments are dated 23:30 UTC on a day of
 * 2012 chosen at random (other tests book around "now" or Telegram's sample date), so filtering that
 * day in XTR sees exactly this class's postings.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsTest {

    private static final AtomicLong NEXT_UPDATE = new AtomicLong(System.currentTimeMillis() * 10 + 7);
    private static final List<String> USERNAMES = List.of("=HYPERLINK(1)", "+1", "-2", "@x");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    DataSource dataSource;

    Api api;
    LocalDate day;
    long late;
    List<String> orderIds = new ArrayList<>();

    @BeforeAll
    void bookPaymentsAndARefundLateOnOneDay() {
        api = new Api(http);
        day = LocalDate.of(2012, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(366));
        late = day.atTime(23, 30).toEpochSecond(ZoneOffset.UTC);
        InitDataSigner signer = InitDataSigner.forToken(bot.token());
        String sku = product();
        long firstBuyer = 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String firstCharge = null;
        for (int i = 0; i < USERNAMES.size(); i++) {
            long buyer = firstBuyer + i;
            String orderId = order(signer.header(buyer, USERNAMES.get(i), "en"), sku);
            orderIds.add(orderId);
            String charge = "stx-export-" + UUID.randomUUID();
            firstCharge = i == 0 ? charge : firstCharge;
            deliver(TelegramUpdates.successfulPayment().date(late).buyer(buyer).currency("XTR").total(100)
                    .payload(orderId).charge(charge));
        }
        deliver(TelegramUpdates.refundedPayment().date(late + 60).buyer(firstBuyer).currency("XTR").total(100)
                .payload(orderIds.get(0)).charge(firstCharge));
    }

    @Test
    void ledgerCsvHasOnePostingPerRowAndMatchesTheDatabase() {
        String csv = ExportFiles.text(get("ledger.csv", "from=" + day + "&to=" + day + "&currency=XTR"));
        List<CSVRecord> rows = ExportFiles.parse(csv);

        assertTrue(csv.startsWith("transaction_id,external_key,kind,occurred_at,account,currency,amount_minor,"
                + "amount,side,order_id,buyer_id,buyer_username,telegram_charge_id,provider_charge_id,"
                + "reverses_transaction_id,promo_code,amount_nanos,fiat_currency,fiat_amount_minor,fiat_amount,"
                + "fiat_rate,fiat_rate_date,fiat_rate_source\r\n"), csv);
        assertEquals(10, rows.size(), "4 payments and 1 refund, two postings each");
        assertEquals(databaseSumsByAccount(), sumBy(rows, "account", "amount_minor"));
        assertEquals(day.atTime(23, 30).toInstant(ZoneOffset.UTC).toString(), rows.get(0).get("occurred_at"));
        CSVRecord refund = rows.stream().filter(r -> r.get("kind").equals("REFUND")).findFirst().orElseThrow();
        assertTrue(rows.stream().anyMatch(r -> r.get("kind").equals("PAYMENT")
                && r.get("transaction_id").equals(refund.get("reverses_transaction_id"))), "refund links its payment");
        assertEquals(Set.of("'=HYPERLINK(1)", "'+1", "'-2", "'@x"),
                rows.stream().map(r -> r.get("buyer_username")).collect(Collectors.toSet()));
        assertTrue(rows.stream().anyMatch(r -> r.get("amount_minor").equals("-100") && r.get("amount").equals("-100")),
                "numeric columns keep their sign, unescaped");
    }

    @Test
    void theDayIsReadInTheRequestedTimeZone() {
        String sameDay = "from=" + day + "&to=" + day + "&currency=XTR&tz=";
        String nextDay = "from=" + day.plusDays(1) + "&to=" + day.plusDays(1) + "&currency=XTR&tz=";

        assertEquals(10, ExportFiles.parse(ExportFiles.text(get("ledger.csv", sameDay + "UTC"))).size());
        assertEquals(0, ExportFiles.parse(ExportFiles.text(get("ledger.csv", sameDay + "Asia/Tokyo"))).size());
        assertEquals(10, ExportFiles.parse(ExportFiles.text(get("ledger.csv", nextDay + "Asia/Tokyo"))).size());
    }

    @Test
    void ledgerXlsxKeepsNumbersAndDatesTypedAndTextNeutralised() throws IOException {
        byte[] xlsx = get("ledger.xlsx", "from=" + day + "&to=" + day + "&currency=XTR");
        List<Row> rows = ExportFiles.sheet(xlsx);

        assertEquals(11, rows.size(), "header and ten postings");
        Map<String, Long> sums = new HashMap<>();
        for (Row row : rows.subList(1, rows.size())) {
            assertEquals(CellType.NUMBER, row.getCell(6).getType());
            assertEquals(CellType.NUMBER, row.getCell(3).getType(), "occurred_at is a date serial number");
            LocalDateTime at = row.getCellAsDate(3).orElseThrow();
            assertTrue(at.equals(day.atTime(23, 30)) || at.equals(day.atTime(23, 31)), at::toString);
            sums.merge(row.getCellText(4), row.getCellAsNumber(6).orElseThrow().longValueExact(), Long::sum);
        }
        assertEquals(databaseSumsByAccount(), sums);
        assertTrue(rows.stream().anyMatch(r -> r.getCellText(11).equals("'=HYPERLINK(1)")));
    }

    @Test
    void summaryPerCurrencyMatchesTheLedger() throws IOException {
        String query = "from=" + day + "&to=" + day + "&currency=XTR";
        List<CSVRecord> rows = ExportFiles.parse(ExportFiles.text(get("summary.csv", query)));

        assertEquals(1, rows.size());
        CSVRecord xtr = rows.get(0);
        assertEquals("XTR", xtr.get("currency"));
        Map<String, Long> db = databaseSumsByAccount();
        assertEquals(-db.get("sales_revenue"), Long.parseLong(xtr.get("gross_sales_minor")));
        assertEquals(db.get("sales_refunds"), Long.parseLong(xtr.get("refunds_minor")));
        assertEquals(db.get("telegram_stars_receivable"), Long.parseLong(xtr.get("net_minor")));
        assertEquals("300", xtr.get("net"));

        List<Row> sheet = ExportFiles.sheet(get("summary.xlsx", query));
        assertEquals(new BigDecimal(300), sheet.get(1).getCellAsNumber(12).orElseThrow());
    }

    @Test
    void ordersCsvListsOurOrdersWithWhatWasCharged() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String csv = ExportFiles.text(get("orders.csv", "from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&currency=XTR&bom=true"));
        assertTrue(csv.startsWith("\uFEFForder_id,created_at,status"), "Excel's UTF-8 BOM first");
        Map<String, CSVRecord> ours = ExportFiles.parse(csv.substring(1)).stream().filter(r -> orderIds.contains(r.get("order_id")))
                .collect(Collectors.toMap(r -> r.get("order_id"), r -> r));

        assertEquals(4, ours.size());
        assertEquals("REFUNDED", ours.get(orderIds.get(0)).get("status"));
        assertEquals("'=HYPERLINK(1)", ours.get(orderIds.get(0)).get("buyer_username"));
        assertEquals("100", ours.get(orderIds.get(1)).get("charged_total"));
        assertEquals("1", ours.get(orderIds.get(1)).get("line_count"));
    }

    @Test
    void accountingProfilesReadTheSameLedger() {
        String query = "from=" + day + "&to=" + day + "&currency=XTR&profile=";
        List<CSVRecord> xero = ExportFiles.parse(ExportFiles.text(get("ledger.csv", query + "xero")));
        List<CSVRecord> quickbooks = ExportFiles.parse(ExportFiles.text(get("ledger.csv", query + "quickbooks")));

        assertEquals(4, xero.size(), "one invoice line per sale");
        assertEquals(Set.of("'=HYPERLINK(1)", "'+1", "'-2", "'@x"),
                xero.stream().map(r -> r.get("ContactName")).collect(Collectors.toSet()));
        assertEquals(day.toString(), xero.get(0).get("InvoiceDate"));
        assertEquals("200", xero.get(0).get("AccountCode"));
        assertEquals(5, quickbooks.size(), "four payments in, one refund out");
        assertEquals(new BigDecimal(300), quickbooks.stream().map(r -> new BigDecimal(r.get("Amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void theSameRequestGivesTheSameBytes() throws IOException {
        String query = "from=" + day + "&to=" + day + "&currency=XTR";
        assertArrayEquals(get("ledger.csv", query), get("ledger.csv", query));
        byte[] xlsx = get("ledger.xlsx", query);
        assertArrayEquals(xlsx, get("ledger.xlsx", query), "no download time inside the workbook");
        assertEquals(11, ExportFiles.sheet(xlsx).size(), "header and ten postings, read back from the rewritten ZIP");
    }

    @Test
    void badParametersAreRefusedBeforeAnythingIsStreamed() {
        assertEquals(422, status("ledger.csv", "from=2012-02-02&to=2012-02-01"));
        assertEquals(422, status("ledger.csv", "to=2012-02-01"));
        assertEquals(422, status("ledger.csv", "from=2012-02-31&to=2012-03-01"));
        assertEquals(422, status("ledger.csv", "from=2012-02-01&to=2012-02-01&tz=Mars/Olympus"));
        assertEquals(422, status("ledger.csv", "from=2012-02-01&to=2012-02-01&currency=ZZZ"));
        assertEquals(422, status("orders.csv", "from=2012-02-01&to=2012-02-01&profile=xero"));
        assertEquals(422, status("ledger.xlsx", "from=2012-02-01&to=2012-02-01&profile=quickbooks"));
        assertEquals(422, status("ledger.csv", "from=2012-02-01&to=2012-02-01&status=PAID"));
        assertEquals(422, status("ledger.pdf", "from=2012-02-01&to=2012-02-01"));
        HttpClientResponseException anonymous = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.GET(
                        "/api/admin/exports/ledger.csv?from=" + day + "&to=" + day), byte[].class));
        assertEquals(401, anonymous.code(), "the admin filter guards exports");
    }

    private byte[] get(String file, String query) {
        HttpResponse<byte[]> response = http.toBlocking().exchange(
                HttpRequest.GET("/api/admin/exports/" + file + "?" + query).bearerAuth(Api.ADMIN_TOKEN), byte[].class);
        assertEquals(200, response.code());
        return response.body() == null ? new byte[0] : response.body();
    }

    private int status(String file, String query) {
        try {
            return get(file, query).length >= 0 ? 200 : -1;
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private static List<List<String>> cells(List<Row> rows) {
        return rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c.getRawValue()).toList()).toList();
    }

    private static Map<String, Long> sumBy(List<CSVRecord> rows, String key, String amount) {
        Map<String, Long> sums = new HashMap<>();
        rows.forEach(r -> sums.merge(r.get(key), Long.parseLong(r.get(amount)), Long::sum));
        return sums;
    }

    private Map<String, Long> databaseSumsByAccount() {
        Map<String, Long> sums = new HashMap<>();
        try (Connection connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                .unwrapDataSource(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT p.account, sum(p.amount)::bigint FROM ledger_postings p
                     JOIN ledger_transactions t ON t.id = p.transaction_id
                     WHERE t.currency = 'XTR' AND t.occurred_at >= ? AND t.occurred_at < ? GROUP BY p.account""")) {
            statement.setTimestamp(1, Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC)));
            statement.setTimestamp(2, Timestamp.from(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sums.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return sums;
    }

    private String product() {
        return ShopFixture.product("export").title("Export").description("Booked for the export tests.")
                .price("XTR", 100).create(api);
    }

    private String order(String buyer, String sku) {
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", "XTR",
                "items", List.of(Map.of("sku", sku, "quantity", 1)))).header("Authorization", buyer));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        return placed.json().get("id").toString();
    }

    private void deliver(TelegramUpdates.Update payment) {
        String update = payment.updateId(NEXT_UPDATE.incrementAndGet()).json();
        assertEquals(200, api.send(HttpRequest.POST("/telegram/webhook", update).contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret")).status());
    }
}

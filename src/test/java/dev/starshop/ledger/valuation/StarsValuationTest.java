package dev.starshop.ledger.valuation;

import dev.starshop.ledger.EntryRef;
import dev.starshop.ledger.Ledger;
import dev.starshop.ledger.StarsEntries;
import dev.starshop.money.StarQuantity;
import dev.starshop.support.Api;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import dev.starshop.support.TelegramUpdates;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The valuation of Stars as an accountant meets it: rates entered over HTTP, Stars payments booked
 * through the webhook, fractional Stars through the ledger, and the exports parsed back against the
 * database. Everything is dated in March of a random year after 2200, which no other test books in, so
 * the rates entered here are in force for this class's transactions only (the database is shared).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StarsValuationTest {

    private static final AtomicLong NEXT_UPDATE = new AtomicLong(System.currentTimeMillis() * 10 + 3);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    DataSource dataSource;

    @Inject
    Ledger ledger;

    @Inject
    TransactionOperations<Connection> transactions;

    Api api;
    InitDataSigner signer;
    String sku;
    long buyer;
    LocalDate d1;
    LocalDate d2;
    LocalDate d3;
    LocalDate d4;
    String withdrawalId;
    final List<String> orders = new ArrayList<>();

    @BeforeAll
    void shop() {
        api = new Api(http);
        signer = InitDataSigner.forToken(bot.token());
        int year = 2200 + ThreadLocalRandom.current().nextInt(700);
        d1 = LocalDate.of(year, 3, 1);
        d2 = d1.plusDays(1);
        d3 = d1.plusDays(4);
        d4 = d1.plusDays(7);
        sku = ShopFixture.product("valued").title("Valued").description("Valued in USD.").price("XTR", 10).create(api);
        buyer = 7_100_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    @Test
    @Order(1)
    void aStarsPaymentWithoutARateInForceIsBookedUnvalued() {
        pay(10, d1);

        List<CSVRecord> rows = csv("ledger.csv", d1, d1);
        assertEquals(2, rows.size());
        rows.forEach(row -> {
            assertEquals("UNVALUED", row.get("fiat_rate_source"));
            assertEquals("", row.get("fiat_amount_minor"));
            assertEquals("", row.get("fiat_rate"));
        });
        assertEquals("1", csv("summary.csv", d1, d1).get(0).get("unvalued_transactions"));
    }

    @Test
    @Order(2)
    void aRateValuesWhatWaitedForItAndALaterRateChangesNothingLocked() {
        Api.Reply first = rate(d1, "0.0130");
        assertEquals(201, first.status(), () -> String.valueOf(first.body()));
        assertEquals("0.013", rates(first).get(0).get("rate"));
        assertEquals("OPERATOR", rates(first).get(0).get("source"));
        assertEquals(2, ((Number) first.json().get("valuedPostings")).intValue(), "the d1 payment's two postings");
        pay(5, d2);
        Map<String, String> before = valuations();

        assertEquals("rate-date-locked", rate(d2, "0.02").code(), "d2's payment locked d1's rate for d2");
        Api.Reply later = rate(d3, "0.02");
        assertEquals(201, later.status());
        assertEquals(0, ((Number) later.json().get("valuedPostings")).intValue());
        pay(1, d3);

        assertEquals(before.size() + 1, valuations().size());
        before.forEach((transaction, valuation) -> assertEquals(valuation, valuations().get(transaction)));
        assertEquals(List.of("0.013 2 130 -130", "0.013 2 65 -65", "0.02 2 20 -20"),
                List.copyOf(valuations().values()), "rate, postings, then each posting's USD cents");
    }

    @Test
    @Order(3)
    void badRatesAreRefusedAndWriteNothing() {
        long rates = count("xtr_rates");
        String late = d1.plusDays(20).toString();
        assertEquals("invalid-request", rate(d1.plusDays(20), "0").code());
        assertEquals("invalid-request", rate(d1.plusDays(20), "-0.01").code());
        assertEquals("invalid-request", rate(d1.plusDays(20), "abc").code());
        assertEquals("invalid-request", rate(d1.plusDays(20), "0.0000000000001").code(), "13 decimals, never rounded");
        assertEquals("invalid-request", post(Map.of("effectiveOn", late.replace("-03-", "-02-30-").substring(0, 10),
                "rate", "0.01")).code());
        assertEquals("invalid-request", post(Map.of("rate", "0.01")).code(), "no day");
        assertEquals("unsupported-currency", post(Map.of("effectiveOn", late, "rate", "0.01", "currency", "ZZZ")).code());
        assertEquals("invalid-request", post(Map.of("effectiveOn", late, "rate", "0.01", "currency", "EUR")).code(),
                "rates are in the reporting currency");
        assertEquals(400, post(Map.of("effectiveOn", late, "rate", "0.01", "rat", "0.02")).status(), "unknown member");
        assertEquals("invalid-request", post(Map.of("effectiveOn", late, "source", "FRAGMENT_WITHDRAWAL",
                "withdrawalId", "no-such-withdrawal", "fiatReceived", "10")).code());
        assertEquals("invalid-request", csvUpload("effective_on,rate\r\n" + late + ",0.01\r\n"
                + d1.plusDays(21) + ",-1\r\n").code(), "one bad row refuses the file");
        assertEquals("invalid-request", csvUpload("effective_on,rate\r\n" + late + ",0.01\r\n" + late + ",0.02\r\n")
                .code(), "two rates for one day");
        assertEquals("empty-upload", csvUpload("effective_on,rate\r\n").code());
        assertEquals("invalid-request", csvUpload("day,value\r\n" + late + ",0.01\r\n").code());

        assertEquals(rates, count("xtr_rates"), "nothing written");
    }

    @Test
    @Order(4)
    void fractionalStarsAndAFragmentWithdrawalAreValuedExactly() {
        Instant at = d3.atTime(18, 0).toInstant(ZoneOffset.UTC);
        withdrawalId = "wd-" + UUID.randomUUID();
        inTransaction(() -> {
            ledger.post(StarsEntries.affiliateCommission(ref("affiliate-commission:" + UUID.randomUUID(), at),
                    StarQuantity.of(12, 500_000_000)));
            ledger.post(StarsEntries.telegramFee(ref("fee:" + UUID.randomUUID(), at), StarQuantity.of(0, 333_333_333)));
            ledger.post(StarsEntries.withdrawalStarted(ref("withdrawal:" + withdrawalId, at), StarQuantity.ofStars(40)));
            ledger.post(StarsEntries.withdrawalSucceeded(ref("withdrawal-succeeded:" + withdrawalId, at.plusSeconds(60)),
                    StarQuantity.ofStars(40)));
        });

        Api.Reply realised = post(Map.of("effectiveOn", d4.toString(), "source", "FRAGMENT_WITHDRAWAL",
                "withdrawalId", withdrawalId, "fiatReceived", "0.84"));
        assertEquals(201, realised.status(), () -> String.valueOf(realised.body()));
        assertEquals("0.021", rates(realised).get(0).get("rate"), "0.84 USD for 40 Stars");
        assertEquals("FRAGMENT_WITHDRAWAL", rates(realised).get(0).get("source"));
        assertTrue(rates(realised).get(0).get("reference").toString().contains("withdrawal-succeeded:" + withdrawalId));
        assertTrue(valuations().values().containsAll(List.of("0.02 2 25 -25", "0.02 2 1 -1", "0.02 2 80 -80")),
                () -> "12.5 Stars are 25 cents; 0.333333333 Stars 0.67 cents, rounded to 1 and balanced: "
                        + valuations().values());
    }

    @Test
    @Order(5)
    void exportsCarryTheFiatColumnsAndTheirSumsMatchTheDatabase() throws IOException {
        List<CSVRecord> ledgerRows = csv("ledger.csv", d1, d3);
        assertTrue(ledgerRows.get(0).isMapped("fiat_currency"));
        assertEquals(databaseFiatByAccount(), sumFiatBy(ledgerRows));
        CSVRecord first = ledgerRows.get(0);
        assertEquals(List.of("USD", "130", "1.30", "0.013", d1.toString(), "OPERATOR"), List.of(first.get("fiat_currency"),
                first.get("fiat_amount_minor"), first.get("fiat_amount"), first.get("fiat_rate"),
                first.get("fiat_rate_date"), first.get("fiat_rate_source")), "valued when d1's rate was entered");
        List<Row> sheet = sheet(get("ledger.xlsx", d1, d3));
        Map<String, Long> xlsxSums = new HashMap<>();
        for (Row row : sheet.subList(1, sheet.size())) {
            assertEquals(CellType.NUMBER, row.getCell(18).getType(), "fiat_amount_minor is a number");
            xlsxSums.merge(row.getCellText(4), row.getCellAsNumber(18).orElseThrow().longValueExact(), Long::sum);
        }
        for (int i = 0; i < ledgerRows.size(); i++) { // the row path (XLSX) and COPY (CSV) agree cell for cell
            CSVRecord csvRow = ledgerRows.get(i);
            Row xlsxRow = sheet.get(i + 1);
            assertEquals(new BigDecimal(csvRow.get("fiat_amount")), xlsxRow.getCellAsNumber(19).orElseThrow());
            assertEquals(new BigDecimal(csvRow.get("fiat_rate")), xlsxRow.getCellAsNumber(20).orElseThrow());
            assertEquals(csvRow.get("fiat_rate_date"), xlsxRow.getCellText(21));
            assertEquals(csvRow.get("fiat_rate_source"), xlsxRow.getCellText(22));
        }
        assertEquals(databaseFiatByAccount(), xlsxSums);

        CSVRecord summary = csv("summary.csv", d1, d3).get(0);
        assertEquals("160", summary.get("gross_sales"));
        assertEquals("USD", summary.get("fiat_currency"));
        assertEquals("2.15", summary.get("fiat_gross_sales"), "1.30 + 0.65 + 0.20 at locked rates");
        assertEquals("12.5", summary.get("affiliate_commissions"));
        assertEquals("12", summary.get("affiliate_commissions_minor"), "whole Stars; the decimal is exact");
        assertEquals("0.333333333", summary.get("telegram_fees"));
        assertEquals("0.01", summary.get("fiat_telegram_fees"));
        assertEquals("40", summary.get("withdrawn"));
        assertEquals("0.80", summary.get("fiat_withdrawn"));
        assertEquals("107.166666667", summary.get("receivable_change"));
        assertEquals("1.09", summary.get("fiat_receivable_change"));
        assertEquals("0", summary.get("unvalued_transactions"));
    }

    @Test
    @Order(6)
    void accountingProfilesUseTheLockedValues() {
        List<CSVRecord> xero = csv("ledger.csv", d1, d3, "&profile=xero");
        assertEquals(List.of("1.30", "0.65", "0.20"), xero.stream().map(r -> r.get("UnitAmount")).toList());
        xero.forEach(r -> assertEquals("USD", r.get("Currency")));
        assertTrue(xero.get(0).get("Description").contains("[100 XTR at 0.013 USD/XTR, OPERATOR rate of " + d1 + "]"),
                xero.get(0).get("Description"));

        List<CSVRecord> quickbooks = csv("ledger.csv", d1, d3, "&profile=quickbooks");
        assertEquals(new BigDecimal("1.09"), quickbooks.stream().map(r -> new BigDecimal(r.get("Amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add), "the receivable's USD change");
        assertTrue(quickbooks.stream().anyMatch(r -> r.get("Amount").equals("-0.01")
                && r.get("Description").contains("[0.333333333 XTR at 0.02 USD/XTR")), "fractions exact");
    }

    @Test
    @Order(7)
    void aRevaluationIsItsOwnDatedEntryAndLocksItsDay() {
        Api.Reply revalued = api.admin(HttpRequest.POST("/api/admin/books/revaluations", Map.of("asOf", d3.toString())));
        assertEquals(201, revalued.status(), () -> String.valueOf(revalued.body()));
        Map<String, Object> entry = revalued.json();
        assertEquals("0.02", entry.get("rate"));
        assertEquals(109, ((Number) entry.get("carryingAmount")).longValue(), "130 + 65 + 20 - 25 - 1 - 80 cents");
        assertEquals(214, ((Number) entry.get("revaluedAmount")).longValue(), "107.166666667 Stars at 0.02");
        assertEquals(105, ((Number) entry.get("differenceAmount")).longValue());
        Map<String, String> before = valuations();

        assertEquals("invalid-state", api.admin(HttpRequest.POST("/api/admin/books/revaluations",
                Map.of("asOf", d3.toString()))).code(), "revaluations go forward");
        assertEquals(201, api.admin(HttpRequest.POST("/api/admin/books/revaluations",
                Map.of("asOf", d3.plusDays(1).toString()))).status());
        assertEquals("rate-date-locked", rate(d3.plusDays(1), "0.03").code(), "the revaluation's day is locked");
        assertEquals(before, valuations());
    }

    @Test
    @Order(8)
    void ratesAndValuationsCannotBeChangedInTheDatabase() {
        String day = "'" + d1 + "'";
        for (String change : List.of("UPDATE xtr_rates SET rate = 1 WHERE currency = 'USD' AND effective_on = " + day,
                "DELETE FROM xtr_rates WHERE currency = 'USD' AND effective_on = " + day,
                "UPDATE stars_valuations SET rate = 1 WHERE rate_date = " + day,
                "DELETE FROM stars_posting_values WHERE transaction_id IN "
                        + "(SELECT transaction_id FROM stars_valuations WHERE rate_date = " + day + ")",
                "TRUNCATE stars_revaluations")) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> {
                try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
                    connection.createStatement().execute(change);
                }
            }, change);
            assertTrue(refused.getMessage().contains("valuation invariant WRITE_ONCE"), refused.getMessage());
        }
        assertEquals("0.013 2 130 -130", valuations().values().iterator().next());
    }

    // --- helpers ---

    private void pay(int quantity, LocalDate day) {
        String header = signer.header(buyer, "valuer", "en");
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", "XTR",
                "items", List.of(Map.of("sku", sku, "quantity", quantity)))).header("Authorization", header));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        String orderId = placed.json().get("id").toString();
        orders.add(orderId);
        String update = TelegramUpdates.successfulPayment().date(day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC))
                .buyer(buyer).currency("XTR").total(10L * quantity).payload(orderId)
                .charge("stx-valued-" + UUID.randomUUID()).updateId(NEXT_UPDATE.incrementAndGet()).json();
        assertEquals(200, api.send(HttpRequest.POST("/telegram/webhook", update).contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret")).status());
    }

    private Api.Reply rate(LocalDate day, String rate) {
        return post(Map.of("effectiveOn", day.toString(), "rate", rate));
    }

    private Api.Reply post(Map<String, String> body) {
        return api.admin(HttpRequest.POST("/api/admin/books/xtr-rates", body));
    }

    private Api.Reply csvUpload(String body) {
        return api.admin(HttpRequest.POST("/api/admin/books/xtr-rates.csv", body.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.of("text/csv")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rates(Api.Reply reply) {
        return (List<Map<String, Object>>) reply.json().get("rates");
    }

    private EntryRef ref(String key, Instant at) {
        return new EntryRef(key, at, null, null, null, null);
    }

    private void inTransaction(Runnable work) {
        transactions.executeWrite(status -> {
            work.run();
            return null;
        });
    }

    private List<CSVRecord> csv(String file, LocalDate from, LocalDate to) {
        return csv(file, from, to, "");
    }

    private List<CSVRecord> csv(String file, LocalDate from, LocalDate to, String more) {
        String text = new String(get(file, from, to, more), StandardCharsets.UTF_8);
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private byte[] get(String file, LocalDate from, LocalDate to) {
        return get(file, from, to, "");
    }

    private byte[] get(String file, LocalDate from, LocalDate to, String more) {
        HttpResponse<byte[]> response = http.toBlocking().exchange(HttpRequest.GET("/api/admin/exports/" + file
                + "?currency=XTR&from=" + from + "&to=" + to + more).bearerAuth(Api.ADMIN_TOKEN), byte[].class);
        assertEquals(200, response.code());
        return response.body();
    }

    private static List<Row> sheet(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            return rows.toList();
        }
    }

    private static Map<String, Long> sumFiatBy(List<CSVRecord> rows) {
        Map<String, Long> sums = new HashMap<>();
        rows.forEach(r -> sums.merge(r.get("account"), Long.parseLong(r.get("fiat_amount_minor")), Long::sum));
        return sums;
    }

    /** This class's Stars transactions (d1 to d3) by account: the posting values in USD cents. */
    private Map<String, Long> databaseFiatByAccount() {
        Map<String, Long> sums = new HashMap<>();
        query("""
                SELECT p.account, sum(pv.fiat_amount)::bigint AS fiat FROM ledger_postings p
                JOIN ledger_transactions t ON t.id = p.transaction_id
                JOIN stars_posting_values pv ON pv.posting_id = p.id
                WHERE t.currency = 'XTR' AND t.occurred_at >= ? AND t.occurred_at < ? GROUP BY p.account""",
                rows -> sums.put(rows.getString("account"), rows.getLong("fiat")));
        return sums;
    }

    /** Per transaction (in id order): "rate postings fiat fiat…". */
    private Map<String, String> valuations() {
        Map<String, String> found = new java.util.LinkedHashMap<>();
        query("""
                SELECT v.transaction_id, v.rate::text || ' ' || count(pv.*) || ' '
                       || string_agg(pv.fiat_amount::text, ' ' ORDER BY pv.posting_id) AS valuation
                FROM stars_valuations v JOIN ledger_transactions t ON t.id = v.transaction_id
                JOIN stars_posting_values pv ON pv.transaction_id = v.transaction_id
                WHERE t.occurred_at >= ? AND t.occurred_at < ?
                GROUP BY v.transaction_id, v.rate ORDER BY v.transaction_id""",
                rows -> found.put(rows.getString("transaction_id"), rows.getString("valuation")));
        return found;
    }

    private long count(String table) {
        long[] n = new long[1];
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            n[0] = rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return n[0];
    }

    private interface RowConsumer {
        void accept(ResultSet rows) throws SQLException;
    }

    private void query(String sql, RowConsumer consumer) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(d1.atStartOfDay().toInstant(ZoneOffset.UTC)));
            statement.setTimestamp(2, Timestamp.from(d3.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}

package dev.starshop.backoffice.exports;

import dev.starshop.backoffice.exports.FlatOds.OdsCell;
import dev.starshop.support.Api;
import dev.starshop.support.Db;
import dev.starshop.support.InitDataSigner;
import dev.starshop.support.ShopFixture;
import dev.starshop.support.TelegramUpdates;
import dev.starshop.telegram.BotCredentials;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every XLSX export opened in a real spreadsheet program: LibreOffice Calc, headless, reads the four
 * files (ledger, orders, order lines, summary) and writes what it read as Flat ODS, whose cells carry
 * LibreOffice's own value type. Each cell must be what the CSV export of the same request says, typed
 * by its column (docs/accounting.md): numbers are {@code float} with the same value, times are
 * {@code date} at the same moment (LibreOffice keeps hundredths of a second), text is {@code string}
 * with the same, neutralised, text; and no cell anywhere is a formula.
 *
 * <p>The data is hostile: buyers named {@code =1+1}, {@code +SUM(A1)}, {@code @cmd} and {@code -2+3}
 * buy products with those titles through a link whose source and campaign start with {@code -}, pay
 * in Stars (one refunded) and leave a dollar order unpaid; {@link TrickyLedger} adds quotes, line
 * breaks, tabs, non-ASCII and three currencies. Everything is dated on a day of 2013 chosen at random
 * (our orders are moved there after they are placed), so each export holds this class's rows only.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XlsxInSpreadsheetTest {

    private static final List<String> HOSTILE = List.of("=1+1", "+SUM(A1)", "@cmd", "-2+3");
    private static final String START_PARAM = "s_-1__m_-2";
    private static final AtomicLong NEXT_UPDATE = new AtomicLong(System.currentTimeMillis() * 10 + 3);
    /** LibreOffice writes a date cell's time to the hundredth of a second. */
    private static final Duration DATE_PRECISION = Duration.ofMillis(10);

    /** The exports and their typed columns (docs/accounting.md); every other column is text. */
    enum Export {
        LEDGER("ledger", Set.of("transaction_id", "amount_minor", "amount", "buyer_id", "reverses_transaction_id",
                "amount_nanos", "fiat_amount_minor", "fiat_amount", "fiat_rate"), Set.of("occurred_at")),
        ORDERS("orders", Set.of("buyer_id", "items_total_minor", "items_total", "charged_total_minor",
                "charged_total", "charged_shipping_minor", "charged_shipping", "charged_tip_minor", "charged_tip",
                "line_count", "subtotal_minor", "subtotal", "discount_minor", "discount"), Set.of("created_at")),
        ORDER_LINES("order-lines", Set.of("buyer_id", "line_no", "quantity", "unit_price_minor", "unit_price",
                "line_total_minor", "line_total", "order_discount_minor", "order_discount", "units_sent",
                "units_pending", "units_failed", "units_revoked", "line_discount_minor", "line_discount", "line_net_minor",
                "line_net"), Set.of("created_at")),
        SUMMARY("summary", summaryNumbers(), Set.of());

        /** Every measure of the summary: its minor units, its amount and its fiat value; the count columns. */
        private static Set<String> summaryNumbers() {
            Set<String> numbers = new HashSet<>(Set.of("transactions", "unvalued_transactions"));
            for (String measure : List.of("gross_sales", "shipping", "tips", "refunds", "chargebacks", "net",
                    "discounts", "sales_after_discounts", "affiliate_commissions", "affiliate_income",
                    "telegram_fees", "gifts", "withdrawn", "in_transit_change", "receivable_change")) {
                numbers.addAll(List.of(measure + "_minor", measure, "fiat_" + measure));
            }
            return Set.copyOf(numbers);
        }

        final String slug;
        final Set<String> numbers;
        final Set<String> dates;

        Export(String slug, Set<String> numbers, Set<String> dates) {
            this.slug = slug;
            this.numbers = numbers;
            this.dates = dates;
        }
    }

    /** One export as the CSV gives it and as LibreOffice read the XLSX. */
    record Opened(List<String> headers, List<CSVRecord> csv, FlatOds spreadsheet) {

        List<OdsCell> column(String header) {
            int index = headers.indexOf(header);
            return spreadsheet.rows().subList(1, spreadsheet.rows().size()).stream().map(r -> r.get(index)).toList();
        }
    }

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BotCredentials bot;

    @Inject
    DataSource dataSource;

    /** The downloads, LibreOffice's profile and its output; a directory of this run's own. */
    Path workDir;

    Api api;
    LocalDate day;
    TrickyLedger tricky;
    final Map<Export, Opened> opened = new EnumMap<>(Export.class);

    @BeforeAll
    void bookHostileDataThenOpenEveryXlsxExportInLibreOffice() throws Exception {
        LibreOffice libreOffice = LibreOffice.require();
        workDir = Files.createTempDirectory("starshop-xlsx-in-spreadsheet");
        api = new Api(http);
        day = LocalDate.of(2013, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365));
        bookOrders();
        tricky = TrickyLedger.book(DelegatingDataSource.unwrapDataSource(dataSource), day);

        String query = "from=" + day + "&to=" + day;
        List<Path> xlsx = new ArrayList<>();
        for (Export export : Export.values()) {
            Path file = workDir.resolve(export.slug + ".xlsx");
            Files.write(file, get(export.slug + ".xlsx", query));
            xlsx.add(file);
        }
        List<Path> fods = libreOffice.toFlatOds(xlsx, workDir);
        for (Export export : Export.values()) {
            CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(new String(get(export.slug + ".csv", query), StandardCharsets.UTF_8)));
            List<String> headers = csv.getHeaderNames();
            opened.put(export, new Opened(headers, csv.getRecords(),
                    FlatOds.read(fods.get(export.ordinal()), headers.size())));
        }
    }

    @AfterAll
    void deleteTheFiles() throws IOException {
        if (workDir != null) {
            try (Stream<Path> paths = Files.walk(workDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Export.class)
    void everyCellReadsAsTheCsvSaysAndKeepsItsColumnsType(Export export) {
        Opened file = opened.get(export);
        List<List<OdsCell>> rows = file.spreadsheet().rows();

        assertEquals(file.headers(), rows.get(0).stream().map(OdsCell::text).toList(), "the header row");
        assertEquals(file.csv().size() + 1, rows.size(), "a row per CSV record after the header");
        assertTrue(file.csv().size() >= 2, "the export has our rows: " + file.csv().size());
        for (int r = 0; r < file.csv().size(); r++) {
            for (int c = 0; c < file.headers().size(); c++) {
                String header = file.headers().get(c);
                String where = export.slug + ".xlsx row " + (r + 2) + " " + header;
                assertCell(export, header, file.csv().get(r).get(c), rows.get(r + 1).get(c), where);
            }
        }
    }

    @Test
    void noCellOfAnyExportIsAFormulaOrStartsLikeOne() {
        for (Export export : Export.values()) {
            FlatOds spreadsheet = opened.get(export).spreadsheet();
            assertEquals(0, spreadsheet.formulas(), export.slug + ".xlsx: cells LibreOffice reads as formulas");
            for (List<OdsCell> row : spreadsheet.rows()) {
                for (OdsCell cell : row) {
                    assertTrue(!"string".equals(cell.valueType()) || cell.text().isEmpty()
                            || Cell.FORMULA_STARTS.indexOf(cell.text().charAt(0)) < 0,
                            () -> export.slug + ".xlsx: a text cell starts like a formula: " + cell.text());
                }
            }
        }
    }

    @Test
    void hostileTextIsShownNeutralisedWithALeadingApostrophe() {
        List<String> neutralised = HOSTILE.stream().map(text -> "'" + text).toList();

        assertTrue(texts(Export.LEDGER, "buyer_username").containsAll(neutralised));
        assertTrue(texts(Export.ORDERS, "buyer_username").containsAll(neutralised));
        assertTrue(texts(Export.ORDER_LINES, "title").containsAll(neutralised));
        assertTrue(texts(Export.ORDER_LINES, "buyer_username").containsAll(neutralised));
        assertEquals(Set.of("'-1"), Set.copyOf(texts(Export.ORDERS, "source")), "the link's source");
        assertEquals(Set.of("'-2"), Set.copyOf(texts(Export.ORDERS, "campaign")), "the link's campaign");
        assertTrue(texts(Export.LEDGER, "external_key").containsAll(List.of(
                tricky.fillIn("'=SUM(1,2) \"x\"-{batch}"), tricky.fillIn("'+ünïcødé €-{batch}"),
                tricky.fillIn(" refund-{batch}"))));
        assertTrue(texts(Export.LEDGER, "telegram_charge_id").containsAll(List.of("line1\nline2", "'\tTab")));
        assertTrue(texts(Export.LEDGER, "buyer_username").containsAll(List.of("'-minus, \"quoted\"", "'@at",
                "'\rCR")));
    }

    @Test
    void timesAreDateCellsAtTheMomentTheMoneyMovedOrTheOrderWasPlaced() {
        List<LocalDateTime> occurred = dates(Export.LEDGER, "occurred_at");
        for (LocalDateTime expected : List.of(day.atTime(23, 0), day.atTime(23, 3), day.atTime(23, 10),
                day.atTime(23, 30, 0, 500_000_000), day.atTime(23, 59, 59, 123_456_000))) {
            assertTrue(occurred.stream().anyMatch(at -> within(at, expected)), () -> expected + " in " + occurred);
        }
        assertEquals(List.of(day.atTime(22, 0), day.atTime(22, 1), day.atTime(22, 2), day.atTime(22, 3),
                day.atTime(22, 4)), dates(Export.ORDERS, "created_at"));
    }

    @Test
    void amountsAreNumbersWithTheirSignAndTheCurrencysDecimals() {
        List<BigDecimal> amounts = numbers(Export.LEDGER, "amount");
        assertTrue(amounts.contains(new BigDecimal("-300")), "a Stars sale, credited: " + amounts);
        assertTrue(amounts.contains(new BigDecimal("12.39")), "a dollar payment: " + amounts);
        assertTrue(numbers(Export.ORDER_LINES, "unit_price").contains(new BigDecimal("12.5")));
        assertTrue(numbers(Export.ORDERS, "items_total").contains(new BigDecimal("37.5")));
        assertEquals(Set.of("JPY", "USD", "XTR"), Set.copyOf(texts(Export.SUMMARY, "currency")));
    }

    private void assertCell(Export export, String header, String csv, OdsCell cell, String where) {
        if (csv.isEmpty()) {
            assertTrue(cell.isEmpty() || "string".equals(cell.valueType()) && cell.text().isEmpty(),
                    () -> where + ": empty in the CSV, " + cell + " in LibreOffice");
        } else if (export.numbers.contains(header)) {
            assertEquals("float", cell.valueType(), () -> where + ": " + cell);
            assertEquals(0, new BigDecimal(cell.value()).compareTo(new BigDecimal(csv)), () -> where + ": " + cell);
        } else if (export.dates.contains(header)) {
            assertEquals("date", cell.valueType(), () -> where + ": " + cell);
            Duration off = Duration.between(Instant.parse(csv), dateValue(cell).toInstant(ZoneOffset.UTC)).abs();
            assertTrue(off.compareTo(DATE_PRECISION) < 0, () -> where + ": " + cell + " for " + csv);
        } else {
            assertEquals("string", cell.valueType(), () -> where + ": " + cell);
            assertEquals(csv, cell.text(), where);
        }
    }

    private static boolean within(LocalDateTime read, LocalDateTime expected) {
        return Duration.between(read, expected).abs().compareTo(DATE_PRECISION) < 0;
    }

    private List<String> texts(Export export, String header) {
        return opened.get(export).column(header).stream().map(OdsCell::text).toList();
    }

    private List<LocalDateTime> dates(Export export, String header) {
        return opened.get(export).column(header).stream().map(XlsxInSpreadsheetTest::dateValue).toList();
    }

    private List<BigDecimal> numbers(Export export, String header) {
        return opened.get(export).column(header).stream().filter(c -> "float".equals(c.valueType()))
                .map(c -> new BigDecimal(c.value()).stripTrailingZeros()).map(XlsxInSpreadsheetTest::plain).toList();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** {@code office:date-value}: {@code 2013-05-01T23:30:00.5}, or just the date at midnight. */
    private static LocalDateTime dateValue(OdsCell cell) {
        assertEquals("date", cell.valueType(), cell::toString);
        return cell.value().contains("T") ? LocalDateTime.parse(cell.value())
                : LocalDate.parse(cell.value()).atStartOfDay();
    }

    /**
     * Four Stars orders of two lines each by hostile buyers through a hostile link, paid at 23:00,
     * 23:01… (the first refunded at 23:10), and one unpaid dollar order; then placed at 22:00, 22:01….
     */
    private void bookOrders() {
        List<String> skus = HOSTILE.stream().map(title -> ShopFixture.product("sheet").title(title)
                .price("XTR", 100).price("USD", 1250).create(api)).toList();
        long firstBuyer = 5_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        long late = day.atTime(23, 0).toEpochSecond(ZoneOffset.UTC);
        List<String> orders = new ArrayList<>();
        String firstCharge = null;
        for (int i = 0; i < HOSTILE.size(); i++) {
            String order = order(firstBuyer + i, HOSTILE.get(i), "XTR",
                    List.of(Map.of("sku", skus.get(i), "quantity", 1),
                            Map.of("sku", skus.get((i + 1) % skus.size()), "quantity", 2)));
            String charge = "stx-sheet-" + UUID.randomUUID();
            firstCharge = i == 0 ? charge : firstCharge;
            deliver(TelegramUpdates.successfulPayment().date(late + 60L * i).buyer(firstBuyer + i).currency("XTR")
                    .total(300).payload(order).charge(charge));
            orders.add(order);
        }
        deliver(TelegramUpdates.refundedPayment().date(late + 600).buyer(firstBuyer).currency("XTR").total(300)
                .payload(orders.get(0)).charge(firstCharge));
        orders.add(order(firstBuyer, HOSTILE.get(0), "USD", List.of(Map.of("sku", skus.get(3), "quantity", 3))));
        Db db = new Db(dataSource);
        for (int i = 0; i < orders.size(); i++) {
            OffsetDateTime placed = day.atTime(22, i).atOffset(ZoneOffset.UTC);
            assertEquals(1, db.update("UPDATE orders SET created_at = ? WHERE id = ?", placed,
                    UUID.fromString(orders.get(i))));
        }
    }

    private String order(long buyer, String username, String currency, List<Map<String, Object>> items) {
        Map<String, String> initData = new LinkedHashMap<>();
        initData.put("query_id", "AAsheet" + buyer);
        initData.put("user", "{\"id\":" + buyer + ",\"first_name\":\"Sheet\",\"username\":\"" + username
                + "\",\"language_code\":\"en\"}");
        initData.put("chat_type", "private");
        initData.put("start_param", START_PARAM);
        String authorization = "tma " + InitDataSigner.forToken(bot.token()).sign(initData);
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", Map.of("currency", currency, "items", items))
                .header("Authorization", authorization));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        return placed.json().get("id").toString();
    }

    private void deliver(TelegramUpdates.Update update) {
        String json = update.updateId(NEXT_UPDATE.incrementAndGet()).json();
        assertEquals(200, api.send(HttpRequest.POST("/telegram/webhook", json).contentType("application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret")).status());
    }

    private byte[] get(String file, String query) throws IOException {
        HttpResponse<byte[]> response = http.toBlocking().exchange(
                HttpRequest.GET("/api/admin/exports/" + file + "?" + query).bearerAuth(Api.ADMIN_TOKEN), byte[].class);
        assertEquals(200, response.code());
        if (response.body() == null) {
            throw new IOException("Empty " + file);
        }
        return response.body();
    }
}

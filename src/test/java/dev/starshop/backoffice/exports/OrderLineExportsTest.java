package dev.starshop.backoffice.exports;

import dev.starshop.promo.PromoFixture;
import dev.starshop.sandbox.PayRequest;
import dev.starshop.support.Api;
import dev.starshop.support.Eventually;
import dev.starshop.support.SandboxTelegramTestBase;
import dev.starshop.support.ShopFixture;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order-lines export parsed back and compared with the database: a Stars order of two lines with
 * a promo code, paid in the emulator and its two game keys delivered, and an unpaid dollar order of
 * two lines. The keys' product has a formula-looking title; the keys themselves never appear.
 */
@MicronautTest(transactional = false)
@Property(name = "starshop.telegram.setup", value = "true")
@Property(name = "starshop.fulfilment.delivery.interval", value = "200ms")
@Property(name = "starshop.fulfilment.delivery.initial-backoff", value = "200ms")
class OrderLineExportsTest extends SandboxTelegramTestBase {

    private static final long ALICE = 100001;
    private static final String FORMULA_TITLE = "=HYPERLINK(\"x\") key";

    @Inject
    DataSource dataSource;

    String starsOrder;
    String dollarOrder;
    String promoCode;
    List<String> deliveredCodes;

    @BeforeEach
    void placeTwoOrdersOnce() {
        if (starsOrder != null) {
            return;
        }
        PromoFixture promo = new PromoFixture(api, signer());
        promoCode = PromoFixture.codeName("lines10").toUpperCase();
        promo.code(promoCode, "percentOff", 10);
        String keys = ShopFixture.product("olkeys").title(FORMULA_TITLE).delivery("CODES", "Your key: {code}", false)
                .price("XTR", 30).create(api);
        String codes = IntStream.range(0, 3).mapToObj(i -> keys + "-CODE-" + i).collect(Collectors.joining("\n"));
        assertEquals(200, api.admin(HttpRequest.POST("/api/admin/products/" + keys + "/codes", codes)
                .contentType(MediaType.TEXT_PLAIN_TYPE)).status());
        String sticker = ShopFixture.product("olsticker").title("Sticker").price("XTR", 50).price("USD", 250)
                .create(api);
        String mug = ShopFixture.product("olmug").title("Mug").price("XTR", 400).price("USD", 1250).create(api);
        String buyer = signer().header(ALICE, "alice", "en");

        Map<String, Object> stars = place(buyer, Map.of("currency", "XTR", "promoCode", promoCode,
                "items", List.of(Map.of("sku", keys, "quantity", 2), Map.of("sku", sticker, "quantity", 1))));
        assertTrue(telegram.pay((String) stars.get("invoiceLink"), PayRequest.stars(ALICE)).isPaid());
        starsOrder = (String) stars.get("id");
        dollarOrder = (String) place(buyer, Map.of("currency", "USD",
                "items", List.of(Map.of("sku", mug, "quantity", 3), Map.of("sku", sticker, "quantity", 2)))).get("id");
        deliveredCodes = awaitTwoKeysSent();
    }

    @Test
    void csvHasOneRowPerLineMatchingTheDatabase() {
        List<CSVRecord> rows = ours(ExportFiles.parse(ExportFiles.text(get("order-lines.csv", today()))));

        assertEquals(databaseLines(), rows.stream().map(OrderLineExportsTest::describe).toList());
        CSVRecord keys = rows.get(0);
        assertEquals("'" + FORMULA_TITLE, keys.get("title"), "a formula-looking title is neutralised");
        assertEquals(List.of("2", "0", "0", "0"), List.of(keys.get("units_sent"), keys.get("units_pending"),
                keys.get("units_failed"), keys.get("units_revoked")));
        assertEquals(List.of("30", "60", "11", promoCode, "FULFILLED"), List.of(keys.get("unit_price"),
                keys.get("line_total"), keys.get("order_discount"), keys.get("promo_code"), keys.get("order_status")),
                "10% off 110 Stars, the whole order's discount on each of its lines");
        CSVRecord mug = rows.get(2);
        assertEquals(List.of("1250", "12.50", "3750", "37.50", "USD", "PENDING_PAYMENT", "0"),
                List.of(mug.get("unit_price_minor"), mug.get("unit_price"), mug.get("line_total_minor"),
                        mug.get("line_total"), mug.get("currency"), mug.get("order_status"), mug.get("units_sent")));
    }

    @Test
    void xlsxKeepsNumbersTypedAndTextNeutralisedAndMatchesTheCsv() throws IOException {
        List<CSVRecord> csv = ours(ExportFiles.parse(ExportFiles.text(get("order-lines.csv", today()))));
        List<Row> sheet = ExportFiles.sheet(get("order-lines.xlsx", today())).stream()
                .filter(r -> List.of(starsOrder, dollarOrder).contains(r.getCellText(0))).toList();

        assertEquals(4, sheet.size());
        for (int i = 0; i < sheet.size(); i++) {
            Row row = sheet.get(i);
            assertEquals(CellType.NUMBER, row.getCell(1).getType(), "created_at is a date");
            for (int column : new int[] {8, 9, 10, 11, 12, 13, 14}) {
                assertEquals(CellType.NUMBER, row.getCell(column).getType(), "column " + column);
                assertEquals(0, row.getCellAsNumber(column).orElseThrow()
                        .compareTo(new java.math.BigDecimal(csv.get(i).get(column))), "column " + column);
            }
            assertEquals(csv.get(i).get("title"), row.getCellText(6));
        }
        assertEquals("'" + FORMULA_TITLE, sheet.get(0).getCellText(6));
    }

    @Test
    void theDeliveredKeysNeverAppear() throws IOException {
        String csv = ExportFiles.text(get("order-lines.csv", today()));
        String xlsxText = ExportFiles.sheet(get("order-lines.xlsx", today())).stream()
                .flatMap(r -> r.stream().map(c -> c == null ? "" : c.getRawValue())).collect(Collectors.joining("|"));

        assertEquals(2, deliveredCodes.size());
        for (String code : deliveredCodes) {
            assertFalse(csv.contains(code), "CSV holds a key");
            assertFalse(xlsxText.contains(code), "XLSX holds a key");
        }
    }

    @Test
    void theStatusAndCurrencyFiltersApplyToTheOrder() {
        List<CSVRecord> pending = ours(ExportFiles.parse(ExportFiles.text(get("order-lines.csv", today() + "&status=PENDING_PAYMENT"))));
        List<CSVRecord> stars = ours(ExportFiles.parse(ExportFiles.text(get("order-lines.csv", today() + "&currency=XTR"))));

        assertEquals(List.of(dollarOrder, dollarOrder), pending.stream().map(r -> r.get("order_id")).toList());
        assertEquals(List.of(starsOrder, starsOrder), stars.stream().map(r -> r.get("order_id")).toList());
    }

    @Test
    void aPhysicalLineShowsItsShipmentStep() {
        String lamp = ShopFixture.product("ollamp").title("Lamp").kind("PHYSICAL").stock(10).price("XTR", 70)
                .create(api);
        String id = awaitPaid(place(signer().header(ALICE, "alice", "en"), Map.of("currency", "XTR",
                "items", List.of(Map.of("sku", lamp, "quantity", 1)))));
        Api.Reply packed = api.admin(HttpRequest.POST("/api/admin/orders/" + id + "/fulfilment",
                Map.of("step", "PACKED")));
        assertEquals(200, packed.status(), () -> String.valueOf(packed.body()));

        CSVRecord line = ExportFiles.parse(ExportFiles.text(get("order-lines.csv", today()))).stream()
                .filter(r -> r.get("order_id").equals(id)).findFirst().orElseThrow();
        assertEquals(List.of("PHYSICAL", "PACKED", "0"), List.of(line.get("kind"), line.get("shipment_step"),
                line.get("units_sent")));
    }

    @Test
    void badParametersAreRefused() {
        assertEquals(422, status("order-lines.csv", "from=2012-02-02&to=2012-02-01"));
        assertEquals(422, status("order-lines.csv", "from=2012-02-01&to=2012-02-01&status=SHIPPED"));
        assertEquals(422, status("order-lines.csv", "from=2012-02-01&to=2012-02-01&profile=xero"));
        assertEquals(422, status("order-lines.xlsx", "from=2012-02-01&to=2012-02-01&currency=ZZZ"));
        assertEquals(422, status("order_lines.csv", "from=2012-02-01&to=2012-02-01"));
        assertEquals(401, anonymousStatus(), "the admin filter guards the export");
    }

    /** The lines of both orders as the database holds them, title neutralised as the export writes it. */
    private List<String> databaseLines() {
        List<String> lines = new ArrayList<>();
        try (Connection connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                .unwrapDataSource(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT o.id, l.line_no, l.sku, l.title, l.quantity, l.unit_amount, l.line_amount,
                            o.discount_amount, coalesce(o.promo_code, ''), o.currency, o.status
                     FROM orders o JOIN order_lines l ON l.order_id = o.id
                     WHERE o.id IN (?::uuid, ?::uuid) ORDER BY o.created_at, o.id, l.line_no""")) {
            statement.setString(1, starsOrder);
            statement.setString(2, dollarOrder);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.add(String.join("|", rows.getString(1), rows.getString(2), rows.getString(3),
                            Cell.neutralise(rows.getString(4)), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                            rows.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(4, lines.size());
        return lines;
    }

    private static String describe(CSVRecord row) {
        return String.join("|", row.get("order_id"), row.get("line_no"), row.get("sku"), row.get("title"),
                row.get("quantity"), row.get("unit_price_minor"), row.get("line_total_minor"),
                row.get("order_discount_minor"), row.get("promo_code"), row.get("currency"), row.get("order_status"));
    }

    private List<CSVRecord> ours(List<CSVRecord> rows) {
        return rows.stream().filter(r -> List.of(starsOrder, dollarOrder).contains(r.get("order_id"))).toList();
    }

    @SuppressWarnings("unchecked")
    /** The two keys' codes, once both are sent and the order is FULFILLED. */
    private List<String> awaitTwoKeysSent() {
        return Eventually.value(() -> {
            Map<String, Object> order = api.admin(HttpRequest.GET("/api/admin/orders/" + starsOrder)).json();
            List<Map<String, Object>> deliveries = (List<Map<String, Object>>) order.get("deliveries");
            return Optional.ofNullable(deliveries).filter(d -> "FULFILLED".equals(order.get("status")) && d.size() == 2
                    && d.stream().allMatch(x -> "SENT".equals(x.get("status"))))
                    .map(d -> d.stream().map(x -> (String) x.get("code")).toList());
        });
    }

    /** Pays the invoice with Stars and waits for the order to be PAID; returns its id. */
    private String awaitPaid(Map<String, Object> order) {
        assertTrue(telegram.pay((String) order.get("invoiceLink"), PayRequest.stars(ALICE)).isPaid());
        String id = (String) order.get("id");
        Eventually.until(() -> "PAID".equals(api.admin(HttpRequest.GET("/api/admin/orders/" + id)).json()
                .get("status")));
        return id;
    }

    private Map<String, Object> place(String buyer, Map<String, Object> body) {
        Api.Reply placed = api.send(HttpRequest.POST("/api/orders", body).header("Authorization", buyer));
        assertEquals(201, placed.status(), () -> String.valueOf(placed.body()));
        return placed.json();
    }

    private static String today() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
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

    private int anonymousStatus() {
        try {
            http.toBlocking().exchange(HttpRequest.GET("/api/admin/exports/order-lines.csv?" + today()), byte[].class);
            return 200;
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}

package dev.starshop.backoffice.exports;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The XLSX writer without a database: the same rows give the same bytes, and what is inside the ZIP
 * (every entry, inflated) is exactly what the writer produced before the sheet's compression moved
 * to its own thread at a faster level (issue 18): only the compressed bytes changed.
 */
class XlsxSinkTest {

    private static final Instant STAMP = Instant.parse("2026-03-01T00:00:00Z");
    private static final int ROWS = 20_000;
    /**
     * The ledger's columns as they were when the digests below were recorded (before the fiat columns
     * of the Stars valuation): the writer is tested on a fixed table, whatever the ledger export adds.
     */
    private static final List<Column> COLUMNS = List.of(
            Column.integer("transaction_id"), Column.text("external_key"), Column.text("kind"),
            Column.timestamp("occurred_at"), Column.text("account"), Column.text("currency"),
            Column.integer("amount_minor"), Column.decimal("amount"), Column.text("side"),
            Column.text("order_id"), Column.integer("buyer_id"), Column.text("buyer_username"),
            Column.text("telegram_charge_id"), Column.text("provider_charge_id"),
            Column.integer("reverses_transaction_id"), Column.text("promo_code"), Column.integer("amount_nanos"));

    /** SHA-256 of each inflated entry, recorded from the writer before issue 18 (level 6, one thread). */
    private static final Map<String, String> ENTRIES_BEFORE = Map.of(
            "[Content_Types].xml", "f51aab6d160600d0433ddbbacf29c24fa51feaf158e6d4c093c654b99d3349ca",
            "_rels/.rels", "acfa568d36d755b755a62fcde058b93877e4e22065217422c29603c1835ed17e",
            "docProps/app.xml", "72b6cf7f82ae2001d2e2a5b66203483599d130efbf35e8c4bb7846d8e83f6654",
            "docProps/core.xml", "f252020608fa19e02c8bc5a363a7579ea44b1f31e175bc249a6a2d0098ef3f08",
            "xl/_rels/workbook.xml.rels", "8ccfdd7c2a82b093cccd1caaeb9f00a1b2a0c2e764130c71c94f05e9e0e61189",
            "xl/sharedStrings.xml", "e079e05eb3f2da2f23e34e3f134fca9d6e96cc6b44b3026f180b1689347b934b",
            "xl/styles.xml", "ef919b977fc9eba9ef6169b2e18473ceab80432677651695005b843492b3ece4",
            "xl/workbook.xml", "3a55ec21b8766328b6e868590970a4f38089494fcac3c6374412527071410e37",
            "xl/worksheets/sheet1.xml", "a8f074a2ca2890d7e21648fec00ddac0cf5756bc65999ce72a410c56c6a31274");

    @Test
    void theSameRowsGiveTheSameBytes() throws IOException {
        assertArrayEquals(write(ROWS), write(ROWS));
    }

    @Test
    void theWorkbookHoldsWhatItHeldBefore() throws IOException {
        assertEquals(ENTRIES_BEFORE, entryDigests(write(ROWS)));
    }

    @Test
    void cellsKeepTheirTypesAndTextIsNeutralised() throws IOException {
        List<Row> rows = ExportFiles.sheet(write(8));

        assertEquals(9, rows.size(), "header and eight rows");
        assertEquals("transaction_id", rows.get(0).getCellText(0));
        Row first = rows.get(1);
        assertEquals(CellType.NUMBER, first.getCell(0).getType());
        assertEquals(CellType.NUMBER, first.getCell(3).getType(), "occurred_at is a date serial number");
        assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0, 5, 250_000_000), first.getCellAsDate(3).orElseThrow());
        assertEquals(new BigDecimal("-2"), first.getCellAsNumber(7).orElseThrow(), "XTR has no decimals");
        assertEquals(new BigDecimal("-0.05"), rows.get(7).getCellAsNumber(7).orElseThrow(), "USD has two");
        assertEquals("'=HYPERLINK(\"x\")", first.getCellText(11));
        assertEquals("a <b> & \"c\"", first.getCellText(15));
        assertEquals(null, first.getCell(14), "null stays an empty cell");
    }

    /** Dates get their format per run of consecutive dates (issue 18): a missing date ends a run and stays an empty cell. */
    @Test
    void datesNextToMissingDatesKeepTheirFormat() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowSink sink = new XlsxSink(out, "orders", List.of(Column.timestamp("paid_at"), Column.text("note")), STAMP)) {
            for (int i = 0; i < 2_500; i++) { // across two flushes of 1,000 rows
                Instant paid = i % 3 == 0 ? null : Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
                sink.row(new Object[] {paid, "row " + i});
            }
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()),
                new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(2_501, rows.size(), "header and 2,500 rows");
            for (int i = 0; i < 2_500; i++) {
                org.dhatim.fastexcel.reader.Cell paid = rows.get(i + 1).getCell(0);
                if (i % 3 == 0) {
                    assertEquals(null, paid, "row " + i);
                } else {
                    assertEquals(XlsxSink.DATE_FORMAT, paid.getDataFormatString(), "row " + i);
                    assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(i), paid.asDate(), "row " + i);
                }
            }
        }
    }

    @Test
    void aStreamThatFailsFailsTheExport() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("the client went away");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                throw new IOException("the client went away");
            }
        };
        assertThrows(IOException.class, () -> write(broken, ROWS));
    }

    static byte[] write(int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, rows);
        return out.toByteArray();
    }

    private static void write(OutputStream out, int rows) throws IOException {
        try (RowSink sink = new XlsxSink(out, "ledger", COLUMNS, STAMP)) {
            for (int i = 0; i < rows; i++) {
                sink.row(row(i));
            }
        }
    }

    /** A ledger row with every cell type; text that needs neutralising or XML escaping now and then. */
    private static Object[] row(int i) {
        int g = i / 2 + 1;
        boolean usd = g % 4 == 0;
        long amount = (i % 2 == 0 ? -1 : 1) * (1 + g % 4999L);
        return new Object[] {(long) g, "payment:bench_" + g, "PAYMENT", Instant.parse("2026-01-01T00:00:00Z")
                .plusSeconds(5L * g).plusMillis(i % 7 == 0 ? 250 : 0), usd ? "provider_receivable" : "sales_revenue",
                usd ? "USD" : "XTR", amount, BigDecimal.valueOf(amount, usd ? 2 : 0), amount > 0 ? "DEBIT" : "CREDIT",
                "00000000-0000-4000-8000-" + String.format("%012d", g), 900000001L + g % 1000,
                i % 5 == 0 ? "=HYPERLINK(\"x\")" : "buyer_" + g % 1000, "charge_" + g, usd ? "ch_" + g : null,
                null, i % 3 == 0 ? "a <b> & \"c\"" : null, (long) (i % 11)};
    }

    /** Each entry's name and the SHA-256 of its inflated content. */
    static Map<String, String> entryDigests(byte[] xlsx) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertFalse(digests.containsKey(entry.getName()), entry.getName());
                digests.put(entry.getName(), sha256(zip.readAllBytes()));
            }
        }
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.starshop.backoffice.exports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** RFC 4180 CSV (CRLF, quoted when needed), UTF-8, optionally with a BOM so Excel reads it as UTF-8. */
final class CsvSink implements RowSink {

    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ISO_INSTANT;

    private final List<Column> columns;
    private final CSVPrinter printer;
    private final String[] cells;

    CsvSink(OutputStream out, List<Column> columns, boolean bom) throws IOException {
        this.columns = columns;
        this.cells = new String[columns.size()];
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        if (bom) {
            writer.write('\uFEFF');
        }
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(Column::header).toArray(String[]::new)).get());
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = text(columns.get(i).type(), values[i]);
        }
        printer.printRecord((Object[]) cells);
    }

    /** How a value of this type reads in a CSV cell ({@link LedgerCsvLines} writes the same from COPY's text). */
    static String text(Cell type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> Cell.neutralise(value.toString());
            case INTEGER -> value.toString();
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case TIMESTAMP -> ISO_UTC.format((Instant) value);
        };
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}

package dev.starshop.backoffice.exports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.Deflater;

/**
 * XLSX through fastexcel: numbers stay numbers, timestamps are real dates (UTC, since a spreadsheet
 * date has no zone), text is neutralised like in CSV. Rows are flushed to the stream every
 * {@value #FLUSH_EVERY} rows and text is written inline rather than into fastexcel's shared-string
 * table (which lives in memory until the end), so memory stays flat whatever the row count. The
 * ZIP goes through {@link ReproducibleZip}, so the same rows and stamp give the same bytes; it
 * compresses on a thread of its own ({@link HandedOffStream}) while this one writes the next rows'
 * XML. Where the time goes and why: docs/performance.md, section 3.
 *
 * <p>Date cells get their number format once per run of consecutive dates in a column (a range
 * style, set before the rows are flushed) instead of once per cell: fastexcel merges and looks up
 * a style on every call, and the cells end up with the same style index either way. A range must
 * hold no empty cell (styling one would write it), so a missing date ends the run.
 */
final class XlsxSink implements RowSink {

    static final String DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";
    private static final int FLUSH_EVERY = 1_000;
    private static final int NO_RUN = 0;

    private final List<Column> columns;
    private final ReproducibleZip zip;
    private final HandedOffStream compressing;
    private final Workbook workbook;
    private final Worksheet sheet;
    /** Per column: the first row of the dates not yet styled, or {@link #NO_RUN}. */
    private final int[] datesFrom;
    private int nextRow = 1;

    /** @param stamp the document's created time, written instead of the time of the download */
    XlsxSink(OutputStream out, String sheetName, List<Column> columns, Instant stamp) {
        this.columns = columns;
        this.datesFrom = new int[columns.size()];
        this.zip = new ReproducibleZip(out, stamp);
        this.compressing = new HandedOffStream("export-xlsx-zip", zip);
        this.workbook = new Workbook(compressing, "Starshop", "1.0");
        workbook.setCompressionLevel(Deflater.NO_COMPRESSION); // inflated again at once by ReproducibleZip
        this.sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < columns.size(); c++) {
            sheet.inlineString(0, c, columns.get(c).header());
            if (columns.get(c).type() == Cell.TIMESTAMP) {
                sheet.style(c).format(DATE_FORMAT).set();
            }
        }
        sheet.freezePane(0, 1);
    }

    @Override
    public void row(Object[] values) throws IOException {
        int r = nextRow++;
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null) {
                styleDates(c, r - 1);
                continue;
            }
            switch (columns.get(c).type()) {
                case TEXT -> sheet.inlineString(r, c, Cell.neutralise(value.toString()));
                case INTEGER -> sheet.value(r, c, (Long) value);
                case DECIMAL -> sheet.value(r, c, (BigDecimal) value);
                case TIMESTAMP -> {
                    sheet.value(r, c, LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
                    if (datesFrom[c] == NO_RUN) {
                        datesFrom[c] = r;
                    }
                }
            }
        }
        if (r % FLUSH_EVERY == 0) {
            styleAllDates(r);
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            styleAllDates(nextRow - 1);
            sheet.finish();
            workbook.finish();
        } finally {
            compressing.close();
        }
        zip.finish();
    }

    private void styleAllDates(int lastRow) {
        for (int c = 0; c < datesFrom.length; c++) {
            styleDates(c, lastRow);
        }
    }

    /** Gives the dates of column {@code c} from the run's first row to {@code lastRow} their format. */
    private void styleDates(int c, int lastRow) {
        if (datesFrom[c] != NO_RUN) {
            sheet.range(datesFrom[c], c, lastRow, c).style().format(DATE_FORMAT).set();
            datesFrom[c] = NO_RUN;
        }
    }
}

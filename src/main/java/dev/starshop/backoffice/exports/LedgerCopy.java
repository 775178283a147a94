package dev.starshop.backoffice.exports;

import dev.starshop.backoffice.exports.ExportRequest.Dataset;
import dev.starshop.backoffice.exports.ExportRequest.Format;
import dev.starshop.backoffice.exports.ExportRequest.Profile;
import dev.starshop.money.CurrencyTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The canonical ledger, CSV or XLSX, read with PostgreSQL's COPY instead of a cursor: {@code COPY (<the
 * ledger's SELECT>) TO STDOUT WITH (FORMAT csv)} through the driver's CopyManager. For the CSV each row
 * is edited as bytes by {@link LedgerCsvLines}; for the XLSX it is decoded into cells by
 * {@link LedgerCopyCells} and written by {@link XlsxSink} on a thread of its own. PostgreSQL does exactly
 * the work of the plain COPY the performance targets are measured against, with parallel workers
 * where it plans them (a cursor's query, fetched a portion at a time, gets none), and the engine reads
 * text instead of decoding each value through the driver (docs/performance.md, section 3). Formatting the cells in the SELECT instead was measured too: it
 * doubled PostgreSQL's own time.
 *
 * <p>PostgreSQL sends one CopyData message per row (protocol documentation, "COPY Operations"), so
 * a line break inside a quoted cell is never taken for the end of a row.
 *
 * <p>COPY takes no bind parameters: the period goes in as instants we formatted, the currency as a
 * code the request already found in the currency table, both written as SQL literals.
 */
final class LedgerCopy {

    /** What one export does with each row COPY sends. */
    @FunctionalInterface
    private interface RowHandler {
        void handle(PostgresCsvRow row) throws IOException;
    }

    private final CurrencyTable currencies;

    LedgerCopy(CurrencyTable currencies) {
        this.currencies = currencies;
    }

    static boolean renders(ExportRequest request) {
        return request.dataset() == Dataset.LEDGER && request.profile() == Profile.CANONICAL;
    }

    /** Streams the file of {@code request} to {@code out}, inside the caller's (read-only) transaction. */
    void write(Connection connection, ExportRequest request, OutputStream out) throws SQLException, IOException {
        readTimesInUtc(connection);
        if (request.format() == Format.CSV) {
            LedgerCsvLines lines = new LedgerCsvLines(out, currencies);
            lines.header(request.bom());
            copy(connection, request, lines::write);
            lines.flush();
        } else {
            LedgerCopyCells cells = new LedgerCopyCells(currencies);
            try (RowSink sink = new HandedOffSink("export-rows", new XlsxSink(out, ExportTables.LEDGER_SHEET,
                    ExportTables.LEDGER_COLUMNS, request.until()))) {
                copy(connection, request, row -> sink.row(cells.of(row)));
            }
        }
    }

    private static void copy(Connection connection, ExportRequest request, RowHandler handler)
            throws SQLException, IOException {
        PostgresCsvRow row = new PostgresCsvRow(LedgerFields.COUNT);
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(statement(request));
        try {
            for (byte[] bytes = copy.readFromCopy(); bytes != null; bytes = copy.readFromCopy()) {
                handler.handle(row.read(bytes));
            }
        } catch (IOException | RuntimeException e) {
            discardTheRest(copy, e);
            throw e;
        }
    }

    /**
     * COPY writes a timestamptz in the session's TimeZone and DateStyle: UTC and ISO
     * ({@code 2026-01-31 23:30:00.5+00}) for this transaction only, whatever the server's defaults.
     */
    private static void readTimesInUtc(Connection connection) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET LOCAL TimeZone = 'UTC'");
            settings.execute("SET LOCAL DateStyle = 'ISO'");
        }
    }

    /**
     * The download broke (or a row could not be written) while PostgreSQL still sends rows: read them
     * to the end, or the connection goes back to the pool with the rest of the COPY on the wire and its
     * next user hangs. Costs what finishing the export would have cost PostgreSQL, and only after a
     * failure.
     */
    private static void discardTheRest(CopyOut copy, Exception failure) {
        try {
            while (copy.isActive() && copy.readFromCopy() != null) {
                // discarded
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static String statement(ExportRequest request) {
        return "COPY (" + select(request) + ") TO STDOUT WITH (FORMAT csv)";
    }

    /** The ledger's SELECT with the request's period and currency written in (the benchmark's baseline too). */
    static String select(ExportRequest request) {
        String currency = request.currency() == null ? "NULL" : literal(request.currency());
        return ExportTables.ledgerCopySql(literal(request.from().toString()) + "::timestamptz",
                literal(request.until().toString()) + "::timestamptz", currency);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

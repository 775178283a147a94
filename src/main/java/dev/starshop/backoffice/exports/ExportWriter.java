package dev.starshop.backoffice.exports;

import dev.starshop.backoffice.exports.ExportRequest.Dataset;
import dev.starshop.backoffice.exports.ExportRequest.Format;
import dev.starshop.backoffice.exports.ExportTables.Table;
import dev.starshop.ledger.valuation.ReportingCurrency;
import dev.starshop.money.CurrencyTable;
import dev.starshop.platform.db.NamedSql;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.postgresql.PGStatement;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Runs an export's query and streams its rows into the response. The canonical ledger, CSV or XLSX, is
 * read with PostgreSQL's COPY ({@link LedgerCopy}); every other export reads rows with a
 * server-side cursor and writes each to a sink as it arrives. PostgreSQL's driver only streams
 * (instead of loading the whole result) with autocommit off and a fetch size, so either way the
 * export runs in its own read-only, repeatable-read transaction: one consistent snapshot, memory
 * bounded by the fetch size or by one COPY row. On the row path this thread reads and maps while
 * another formats ({@link HandedOffSink}): the cells of a row must be values that do not change.
 */
@Singleton
class ExportWriter {

    static final int FETCH_SIZE = 5_000;

    private final DataSource dataSource;
    private final ExportTables tables;
    private final LedgerCopy ledgerCopy;

    private final String reportingCurrency;

    ExportWriter(DataSource dataSource, CurrencyTable currencies, ReportingCurrency reporting) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.reportingCurrency = reporting.currency().code();
        this.tables = new ExportTables(currencies, reportingCurrency);
        this.ledgerCopy = new LedgerCopy(currencies);
    }

    void write(ExportRequest request, OutputStream out) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                if (LedgerCopy.renders(request)) {
                    ledgerCopy.write(connection, request, out);
                } else {
                    writeRows(connection, request, out);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * The row path: every export but the canonical ledger, which LedgerCopyTest compares
     * with what this path writes for it.
     */
    void writeRows(Connection connection, ExportRequest request, OutputStream out) throws IOException, SQLException {
        Table table = table(request);
        NamedSql sql = NamedSql.parse(table.sql());
        try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql(),
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            // Binary transfer from the first execution: the driver reads bigint, timestamptz, numeric and
            // uuid in PostgreSQL's binary format instead of parsing their text (docs/performance.md, section 3).
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            sql.bind(statement, params(request, reportingCurrency));
            try (ResultSet rows = statement.executeQuery();
                 RowSink sink = new HandedOffSink("export-rows", sink(request, table, out))) {
                Row row = new Row(rows);
                while (rows.next()) {
                    sink.row(table.mapper().map(row));
                }
            }
        }
    }

    private Table table(ExportRequest request) {
        return switch (request.dataset()) {
            case LEDGER -> tables.ledger(request.profile(), request.zone());
            case ORDERS -> tables.orders();
            case ORDER_LINES -> tables.orderLines();
            case SUMMARY -> tables.summary();
        };
    }

    private static RowSink sink(ExportRequest request, Table table, OutputStream out) throws IOException {
        return request.format() == Format.CSV ? new CsvSink(out, table.columns(), request.bom())
                : new XlsxSink(out, table.sheet(), table.columns(), request.until());
    }

    /**
     * The period and the filters; only the orders and order-lines exports have a status filter, and only
     * the summary values Stars in the reporting currency.
     */
    static Params params(ExportRequest request, String reportingCurrency) {
        Params params = Params.of("from", request.from()).and("until", request.until())
                .and("currency", request.currency());
        if (request.dataset() == Dataset.SUMMARY) {
            params = params.and("reporting", reportingCurrency);
        }
        return request.dataset().filtersStatus() ? params.and("status", request.status()) : params;
    }
}

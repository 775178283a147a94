package dev.starshop.backoffice.exports;

import dev.starshop.backoffice.exports.ExportRequest.Dataset;
import dev.starshop.backoffice.exports.ExportRequest.Format;
import dev.starshop.backoffice.exports.ExportTables.Table;
import dev.starshop.money.CurrencyTable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Runs an export's query with a server-side cursor and writes each row to the sink as it arrives.
 * PostgreSQL's driver only streams (instead of loading the whole result) with autocommit off and a
 * fetch size, so the query runs in its own read-only, repeatable-read transaction: one consistent
 * snapshot, memory bounded by the fetch size.
 */
@Singleton
class ExportWriter {

    static final int FETCH_SIZE = 5_000;

    private final DataSource dataSource;
    private final ExportTables tables;

    ExportWriter(DataSource dataSource, CurrencyTable currencies) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.tables = new ExportTables(currencies);
    }

    void write(ExportRequest request, OutputStream out) throws IOException, SQLException {
        Table table = table(request);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement statement = connection.prepareStatement(table.sql(),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                bind(statement, request);
                try (ResultSet rows = statement.executeQuery(); RowSink sink = sink(request, table, out)) {
                    while (rows.next()) {
                        sink.row(table.mapper().map(rows));
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private Table table(ExportRequest request) {
        return switch (request.dataset()) {
            case LEDGER -> tables.ledger(request.profile(), request.zone());
            case ORDERS -> tables.orders();
            case SUMMARY -> tables.summary();
        };
    }

    private static RowSink sink(ExportRequest request, Table table, OutputStream out) throws IOException {
        return request.format() == Format.CSV ? new CsvSink(out, table.columns(), request.bom())
                : new XlsxSink(out, table.sheet(), table.columns(), request.until());
    }

    private static void bind(PreparedStatement statement, ExportRequest request) throws SQLException {
        statement.setTimestamp(1, Timestamp.from(request.from()));
        statement.setTimestamp(2, Timestamp.from(request.until()));
        statement.setString(3, request.currency());
        statement.setString(4, request.currency());
        if (request.dataset() == Dataset.ORDERS) {
            statement.setString(5, request.status());
            statement.setString(6, request.status());
        }
    }
}

package dev.starshop.platform.db;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Thin, explicit SQL on the connection of the current transaction. Statements are written out in
 * full so that what the engine sends to PostgreSQL can be read (and benchmarked) as it is.
 *
 * <p>Parameters are bound by name ({@code WHERE sku = :sku} with {@code Params.of("sku", sku)}, see
 * {@link NamedSql}) and rows are read by column name ({@link Row}), so adding a column to a table or a
 * statement moves nothing. This is the only way in: there is no positional form (docs/architecture.md,
 * "SQL and dependencies").
 */
@Singleton
public final class Sql {

    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs an INSERT, UPDATE or DELETE with {@code :name} parameters; returns the rows it touched. */
    public int update(String sql, Params params) {
        NamedSql named = NamedSql.parse(sql);
        return jdbc.prepareStatement(named.jdbcSql(), statement -> {
            bind(statement, named, params);
            return execute(statement::executeUpdate, sql);
        });
    }

    /** Every row of a query with {@code :name} parameters, each read by {@code reader}. */
    public <T> List<T> list(String sql, Params params, RowReader<T> reader) {
        NamedSql named = NamedSql.parse(sql);
        return jdbc.prepareStatement(named.jdbcSql(), statement -> {
            bind(statement, named, params);
            try (ResultSet rows = statement.executeQuery()) {
                Row row = new Row(rows);
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(row));
                }
                return result;
            } catch (SQLException e) {
                throw failure(sql, e);
            }
        });
    }

    /** The only row of a query with {@code :name} parameters, if any; more than one is an error. */
    public <T> Optional<T> one(String sql, Params params, RowReader<T> reader) {
        return atMostOne(list(sql, params, reader), sql);
    }

    private static <T> Optional<T> atMostOne(List<T> rows, String sql) {
        if (rows.size() > 1) {
            throw new DataAccessException("Expected at most one row from: " + sql);
        }
        return rows.stream().findFirst();
    }

    private static void bind(PreparedStatement statement, NamedSql named, Params params) {
        try {
            named.bind(statement, params);
        } catch (SQLException e) {
            throw failure(named.namedSql(), e);
        }
    }

    private static int execute(SqlAction action, String sql) {
        try {
            return action.run();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private static DataAccessException failure(String sql, SQLException e) {
        return new DataAccessException("SQL failed (" + e.getSQLState() + "): " + sql, e);
    }

    /** Reads one row by column name. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(Row row) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlAction {
        int run() throws SQLException;
    }
}

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
 */
@Singleton
public final class Sql {

    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
    public int update(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, binder, sql);
            return execute(statement::executeUpdate, sql);
        });
    }

    public <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, binder, sql);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            } catch (SQLException e) {
                throw failure(sql, e);
            }
        });
    }

    public <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = list(sql, binder, mapper);
        if (rows.size() > 1) {
            throw new DataAccessException("Expected at most one row from: " + sql);
        }
        return rows.stream().findFirst();
    }

    private static void bind(PreparedStatement statement, Binder binder, String sql) {
        try {
            binder.bind(statement);
        } catch (SQLException e) {
            throw failure(sql, e);
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

    @FunctionalInterface
    public interface Binder {
        Binder NONE = statement -> { };

        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlAction {
        int run() throws SQLException;
    }
}

package dev.starshop.platform.migration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Flyway's history table with plain JDBC, the way Flyway finds it with this engine's
 * configuration: {@code flyway_schema_history} in the connection's current schema. A fresh database
 * has no such table: its history is empty, every migration is pending, and the start goes to Flyway
 * (without an error in PostgreSQL's log for the missing table).
 */
final class SchemaHistory {

    private static final String EXISTS = "SELECT to_regclass('flyway_schema_history') IS NOT NULL";
    private static final String ROWS = """
            SELECT installed_rank, version, description, type, script, checksum, success
              FROM flyway_schema_history
             ORDER BY installed_rank""";

    private SchemaHistory() {
    }

    static List<AppliedMigration> read(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            List<AppliedMigration> applied = tableExists(statement) ? rows(statement) : List.of();
            if (!connection.getAutoCommit()) {
                connection.rollback(); // a pool that hands out transactions gets its connection back clean
            }
            return applied;
        }
    }

    private static boolean tableExists(Statement statement) throws SQLException {
        try (ResultSet exists = statement.executeQuery(EXISTS)) {
            return exists.next() && exists.getBoolean(1);
        }
    }

    private static List<AppliedMigration> rows(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery(ROWS)) {
            List<AppliedMigration> applied = new ArrayList<>();
            while (rows.next()) {
                applied.add(row(rows));
            }
            return applied;
        }
    }

    private static AppliedMigration row(ResultSet rows) throws SQLException {
        int checksum = rows.getInt("checksum");
        Integer recorded = rows.wasNull() ? null : checksum;
        return new AppliedMigration(rows.getInt("installed_rank"), rows.getString("version"),
                rows.getString("description"), rows.getString("type"), rows.getString("script"), recorded,
                rows.getBoolean("success"));
    }
}

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
 * configuration: {@code flyway_schema_history} in the connection's current schema. A missing table
 * is an {@link SQLException} (a fresh database), which sends the start to Flyway.
 */
final class SchemaHistory {

    private static final String ROWS = """
            SELECT installed_rank, version, description, type, script, checksum, success
              FROM flyway_schema_history
             ORDER BY installed_rank""";

    private SchemaHistory() {
    }

    static List<AppliedMigration> read(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(ROWS)) {
            List<AppliedMigration> applied = new ArrayList<>();
            while (rows.next()) {
                applied.add(row(rows));
            }
            if (!connection.getAutoCommit()) {
                connection.rollback(); // a pool that hands out transactions gets its connection back clean
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

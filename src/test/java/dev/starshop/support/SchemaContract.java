package dev.starshop.support;

import dev.starshop.platform.db.NamedSql;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks read queries against the migrated schema without running them: PostgreSQL parses and
 * analyses each statement (every table and column resolved) and describes its result (the driver's
 * describe-only round trip behind {@code getMetaData()}), so a table or column that was renamed or
 * dropped fails here, under the query's name, instead of in front of an operator. Parameters need
 * no values for that.
 */
public final class SchemaContract {

    private SchemaContract() {
    }

    /**
     * Every query (by a name a reader can find, e.g. {@code OrderDetailQuery.PAYMENTS}) must describe
     * cleanly and return uniquely named columns, since rows are read by column name.
     */
    public static void check(DataSource dataSource, Map<String, String> queries) throws SQLException {
        List<String> broken = new ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            queries.forEach((name, sql) -> describe(connection, name, sql, broken));
        }
        if (!broken.isEmpty()) {
            fail(broken.size() + " of " + queries.size() + " read queries no longer match the schema "
                    + "(a column or table they read was renamed or dropped?):\n" + String.join("\n", broken));
        }
    }

    private static void describe(Connection connection, String name, String sql, List<String> broken) {
        try (PreparedStatement statement = connection.prepareStatement(NamedSql.parse(sql).jdbcSql())) {
            ResultSetMetaData columns = statement.getMetaData();
            if (columns == null) {
                broken.add("- " + name + ": returns no rows; not a read query");
                return;
            }
            Set<String> labels = new HashSet<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                if (!labels.add(columns.getColumnLabel(i))) {
                    broken.add("- " + name + ": two columns are called " + columns.getColumnLabel(i)
                            + "; alias one (rows are read by name)");
                }
            }
        } catch (SQLException | RuntimeException e) {
            broken.add("- " + name + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}

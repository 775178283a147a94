package dev.starshop.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain JDBC on a running engine's own database, for the embedded PostgreSQL's tests. */
final class EngineDatabase {

    private EngineDatabase() {
    }

    /** The port in the engine's JDBC URL. */
    static int port(ApplicationContext context) throws SQLException {
        try (Connection connection = connect(context)) {
            String url = connection.getMetaData().getURL();
            return Integer.parseInt(url.replaceFirst("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1"));
        }
    }

    /** The raw pool: the injectable DataSource only hands out connections inside a transaction. */
    static Connection connect(ApplicationContext context) throws SQLException {
        return DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
    }

    static void execute(ApplicationContext context, String sql) throws SQLException {
        try (Connection connection = connect(context);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String queryOne(ApplicationContext context, String sql) throws SQLException {
        try (Connection connection = connect(context);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), "a row");
            return rows.getString(1);
        }
    }

    /** A failure's message and its causes', one a line. */
    static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}

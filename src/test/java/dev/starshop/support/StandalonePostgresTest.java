package dev.starshop.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An outage must not cost data: what was committed before stop() is there after restart(). */
class StandalonePostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsWhatWasCommitted() throws Exception {
        try (StandalonePostgres postgres = StandalonePostgres.startDurable(dataDir)) {
            try (Connection connection = postgres.connect()) {
                connection.createStatement().execute("CREATE TABLE kept (amount BIGINT)");
                connection.createStatement().execute("INSERT INTO kept VALUES (42)");
            }
            postgres.stop();
            postgres.restart();
            try (Connection connection = postgres.connect();
                 ResultSet row = connection.createStatement().executeQuery("SELECT sum(amount) FROM kept")) {
                row.next();
                assertEquals(42, row.getLong(1));
            }
        }
    }
}

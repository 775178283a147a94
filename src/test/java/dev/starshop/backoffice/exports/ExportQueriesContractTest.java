package dev.starshop.backoffice.exports;

import dev.starshop.backoffice.exports.ExportRequest.Dataset;
import dev.starshop.backoffice.exports.ExportRequest.Format;
import dev.starshop.backoffice.exports.ExportRequest.Profile;
import dev.starshop.money.CurrencyTable;
import dev.starshop.support.SchemaContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exports read the ledger, orders and buyers, which other packages own. Each export's query (and
 * the COPY path's SELECT) is checked against the migrated schema, so a column renamed or dropped by
 * its owner fails this test with the export's name.
 */
@MicronautTest(transactional = false)
class ExportQueriesContractTest {

    @Inject
    DataSource dataSource;

    @Inject
    CurrencyTable currencies;

    @Test
    void everyExportQueryMatchesTheSchema() throws SQLException {
        ExportTables tables = new ExportTables(currencies, "USD");
        Map<String, String> queries = new LinkedHashMap<>();
        for (Profile profile : Profile.values()) {
            queries.put("ledger export, profile " + profile, tables.ledger(profile, ZoneOffset.UTC).sql());
        }
        queries.put("orders export", tables.orders().sql());
        queries.put("order-lines export", tables.orderLines().sql());
        queries.put("summary export", tables.summary().sql());
        LocalDate day = LocalDate.of(2026, 1, 31);
        ExportRequest copy = new ExportRequest(Dataset.LEDGER, Format.CSV, Profile.CANONICAL, day, day,
                ZoneOffset.UTC, day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), "XTR", null, false);
        queries.put("ledger CSV through COPY (LedgerCopy.select)", LedgerCopy.select(copy));
        SchemaContract.check(dataSource, queries);
    }
}

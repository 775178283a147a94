package dev.starshop.backoffice.exports;

import dev.starshop.money.CurrencyTable;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export as the accountant asks for it: file, local days in a time zone, filters, profile. Every
 * row of the first table is accepted with the UTC range and file name it must produce; every row of
 * the second is refused with a 422 that names the parameter.
 */
class ExportRequestTest {

    private static final CurrencyTable CURRENCIES = new CurrencyTable(JsonMapper.createDefault());

    @ParameterizedTest(name = "{0} {1}..{2} in {3}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            // file | from | to | tz | profile | UTC from | UTC until (exclusive) | file name
            "ledger.csv   | 2026-01-01 | 2026-01-31 | null | null | 2026-01-01T00:00:00Z | 2026-02-01T00:00:00Z | ledger-2026-01-01-2026-01-31.csv",
            "LEDGER.CSV   | 2026-01-01 | 2026-01-01 | UTC  | null | 2026-01-01T00:00:00Z | 2026-01-02T00:00:00Z | ledger-2026-01-01-2026-01-01.csv",
            "orders.xlsx  | 2026-01-01 | 2026-01-31 | Europe/Berlin | null | 2025-12-31T23:00:00Z | 2026-01-31T23:00:00Z | orders-2026-01-01-2026-01-31.xlsx",
            "summary.csv  | 2026-01-01 | 2026-01-01 | Asia/Kolkata  | null | 2025-12-31T18:30:00Z | 2026-01-01T18:30:00Z | summary-2026-01-01-2026-01-01.csv",
            "ledger.csv   | 2026-07-01 | 2026-07-01 | America/St_Johns | null | 2026-07-01T02:30:00Z | 2026-07-02T02:30:00Z | ledger-2026-07-01-2026-07-01.csv",
            "ledger.csv   | 2026-01-01 | 2026-01-01 | +14:00 | null | 2025-12-31T10:00:00Z | 2026-01-01T10:00:00Z | ledger-2026-01-01-2026-01-01.csv",
            "ledger.csv   | 2026-01-01 | 2026-01-01 | -12:00 | null | 2026-01-01T12:00:00Z | 2026-01-02T12:00:00Z | ledger-2026-01-01-2026-01-01.csv",
            "ledger.csv   | 2024-02-29 | 2024-02-29 | null | null | 2024-02-29T00:00:00Z | 2024-03-01T00:00:00Z | ledger-2024-02-29-2024-02-29.csv",
            "ledger.csv   | 2026-01-01 | 2026-12-31 | null | xero | 2026-01-01T00:00:00Z | 2027-01-01T00:00:00Z | ledger-2026-01-01-2026-12-31-xero.csv",
            "ledger.csv   | 2026-01-01 | 2026-01-31 | null | QuickBooks | 2026-01-01T00:00:00Z | 2026-02-01T00:00:00Z | ledger-2026-01-01-2026-01-31-quickbooks.csv",
            "orders.csv   | 2026-01-01 | 2026-01-31 | null | canonical | 2026-01-01T00:00:00Z | 2026-02-01T00:00:00Z | orders-2026-01-01-2026-01-31.csv",
            "order-lines.xlsx | 2026-01-01 | 2026-01-31 | null | null | 2026-01-01T00:00:00Z | 2026-02-01T00:00:00Z | order-lines-2026-01-01-2026-01-31.xlsx"})
    void accepted(String file, String from, String to, String tz, String profile, Instant utcFrom, Instant utcUntil,
                  String fileName) {
        ExportRequest request = ExportRequest.parse(file, from, to, tz, null, null, profile, null, CURRENCIES);
        assertEquals(utcFrom, request.from());
        assertEquals(utcUntil, request.until());
        assertEquals(fileName, request.fileName());
        assertFalse(request.bom());
    }

    /** Local days are not always 24 hours: the range follows the zone's clock changes. */
    @ParameterizedTest(name = "{0} in {1}: {2} h")
    @CsvSource({
            "2026-03-29, Europe/Berlin, 23",     // clocks go forward
            "2026-10-25, Europe/Berlin, 25",     // clocks go back
            "2026-03-08, America/New_York, 23",
            "2026-03-29, UTC, 24"})
    void aLocalDayFollowsDaylightSavingTime(String day, String tz, long hours) {
        ExportRequest request = ExportRequest.parse("ledger.csv", day, day, tz, null, null, null, null, CURRENCIES);
        assertEquals(Duration.ofHours(hours), Duration.between(request.from(), request.until()));
    }

    @Test
    void filtersAndOptionsAreKept() {
        ExportRequest request = ExportRequest.parse("orders.csv", "2026-01-01", "2026-01-31", null, "XTR",
                "NEEDS_REVIEW", null, true, CURRENCIES);
        assertEquals("XTR", request.currency());
        assertEquals("NEEDS_REVIEW", request.status());
        assertEquals(ExportRequest.Dataset.ORDERS, request.dataset());
        assertEquals(ExportRequest.Format.CSV, request.format());
        assertEquals(ExportRequest.Profile.CANONICAL, request.profile());
        assertTrue(request.bom());
    }

    @ParameterizedTest(name = "{0} {1}..{2} tz={3} currency={4} status={5} profile={6}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            // file | from | to | tz | currency | status | profile | the detail starts with
            "ledger         | 2026-01-01 | 2026-01-31 | null | null | null | null | the file must be",
            "ledger.pdf     | 2026-01-01 | 2026-01-31 | null | null | null | null | unknown format pdf",
            "payments.csv   | 2026-01-01 | 2026-01-31 | null | null | null | null | unknown export payments",
            ".csv           | 2026-01-01 | 2026-01-31 | null | null | null | null | unknown export",
            "ledger.        | 2026-01-01 | 2026-01-31 | null | null | null | null | unknown format",
            "ledger.csv.gz  | 2026-01-01 | 2026-01-31 | null | null | null | null | unknown export ledger.csv",
            "ledger.xlsx    | 2026-01-01 | 2026-01-31 | null | null | null | xero | profile xero exists only for ledger.csv",
            "orders.csv     | 2026-01-01 | 2026-01-31 | null | null | null | quickbooks | profile quickbooks exists only",
            "ledger.csv     | 2026-01-01 | 2026-01-31 | null | null | null | sage | unknown profile sage",
            "ledger.csv     | 2026-01-01 | 2026-01-31 | Mars/Olympus | null | null | null | unknown time zone Mars/Olympus",
            "ledger.csv     | 2026-01-01 | 2026-01-31 | ''   | null | null | null | unknown time zone",
            "ledger.csv     | 2026-01-01 | 2026-01-31 | UTC+25 | null | null | null | unknown time zone UTC+25",
            "ledger.csv     | 2026-01-01 | 2026-01-31 | CEST | null | null | null | unknown time zone CEST",
            "ledger.csv     | null       | 2026-01-31 | null | null | null | null | from is required",
            "ledger.csv     | 2026-01-01 | null       | null | null | null | null | to is required",
            "ledger.csv     | 2026-02-30 | 2026-03-31 | null | null | null | null | from must be a date YYYY-MM-DD",
            "ledger.csv     | 2025-02-29 | 2025-03-31 | null | null | null | null | from must be a date",
            "ledger.csv     | 2026-01-01 | 2026-13-01 | null | null | null | null | to must be a date",
            "ledger.csv     | 2026-01-01T00:00:00Z | 2026-01-31 | null | null | null | null | from must be a date",
            "ledger.csv     | 01/01/2026 | 2026-01-31 | null | null | null | null | from must be a date",
            "ledger.csv     | 2026-02-01 | 2026-01-31 | null | null | null | null | from (2026-02-01) is after to (2026-01-31)",
            "ledger.csv     | 2026-01-01 | 2026-01-31 | null | BTC  | null | null | unknown currency BTC",
            "ledger.csv     | 2026-01-01 | 2026-01-31 | null | usd  | null | null | unknown currency usd",
            "ledger.csv     | 2026-01-01 | 2026-01-31 | null | null | PAID | null | status filters the orders and order-lines exports only",
            "summary.xlsx   | 2026-01-01 | 2026-01-31 | null | null | PAID | null | status filters the orders and order-lines exports only",
            "orders.csv     | 2026-01-01 | 2026-01-31 | null | null | SHIPPED | null | unknown order status SHIPPED",
            "orders.csv     | 2026-01-01 | 2026-01-31 | null | null | paid | null | unknown order status paid",
            "order_lines.csv | 2026-01-01 | 2026-01-31 | null | null | null | null | unknown export order_lines",
            "order-lines.csv | 2026-01-01 | 2026-01-31 | null | null | SHIPPED | null | unknown order status SHIPPED"})
    void refused(String file, String from, String to, String tz, String currency, String status, String profile,
                 String detail) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ExportRequest.parse(file, from, to, tz, currency, status, profile, null, CURRENCIES));
        assertEquals(ProblemCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().startsWith(detail), e.getMessage());
    }
}

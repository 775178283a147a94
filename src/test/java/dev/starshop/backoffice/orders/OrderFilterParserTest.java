package dev.starshop.backoffice.orders;

import dev.starshop.money.CurrencyTable;
import dev.starshop.order.OrderStatus;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin order list's query parameters: what each one means, and every way to get one wrong. */
class OrderFilterParserTest {

    private static final OrderFilterParser PARSER = new OrderFilterParser(new CurrencyTable(JsonMapper.createDefault()));

    @Test
    void noParametersIsNoFilterAndTheDefaultPage() {
        OrderFilter filter = PARSER.parse(List.of(), null, null, "  ", null, null, "");
        assertEquals(new OrderFilter(Set.of(), null, null, null, null, OrderFilter.DEFAULT_LIMIT, null), filter);
    }

    @ParameterizedTest(name = "status={0}")
    @CsvSource(delimiter = '|', value = {
            "PAID                     | PAID",
            "paid                     | PAID",
            "PAID,REFUNDED            | PAID REFUNDED",
            "' needs_review , PAID '  | NEEDS_REVIEW PAID",
            "',PAID,,'                | PAID",
            "PAID;PAID                | PAID",             // two parameters naming the same state
            "','                      | ''"})
    void statuses(String parameters, String expected) {
        Set<OrderStatus> wanted = EnumSet.noneOf(OrderStatus.class);
        for (String name : expected.split(" ")) {
            if (!name.isEmpty()) {
                wanted.add(OrderStatus.valueOf(name));
            }
        }
        OrderFilter filter = PARSER.parse(List.of(parameters.split(";")), null, null, null, null, null, null);
        assertEquals(wanted, filter.statuses());
    }

    @ParameterizedTest(name = "from={0} to={1}")
    @CsvSource(nullValues = "null", value = {
            // a day is a UTC calendar day; as "to" it includes the whole day
            "2026-01-31, null, 2026-01-31T00:00:00Z, null",
            "null, 2026-01-31, null, 2026-02-01T00:00:00Z",
            "2026-01-31, 2026-01-31, 2026-01-31T00:00:00Z, 2026-02-01T00:00:00Z",
            "2024-02-29, 2024-03-01, 2024-02-29T00:00:00Z, 2024-03-02T00:00:00Z",
            // an instant keeps its own offset and is exact
            "2026-01-31T12:00:00Z, 2026-01-31T12:00:01Z, 2026-01-31T12:00:00Z, 2026-01-31T12:00:01Z",
            "2026-01-31T12:00:00+03:00, null, 2026-01-31T09:00:00Z, null",
            "2026-01-31T00:30:00-05:30, null, 2026-01-31T06:00:00Z, null",
            "' 2026-01-31 ', null, 2026-01-31T00:00:00Z, null"})
    void timeRange(String from, String to, Instant start, Instant end) {
        OrderFilter filter = PARSER.parse(List.of(), null, from, to, null, null, null);
        assertEquals(start, filter.from());
        assertEquals(end, filter.to());
    }

    @ParameterizedTest(name = "currency={0}")
    @CsvSource({"USD, USD", "usd, USD", "' xtr ', XTR", "eur, EUR"})
    void currency(String given, String expected) {
        assertEquals(expected, PARSER.parse(List.of(), given, null, null, null, null, null).currency());
    }

    @ParameterizedTest(name = "buyer={0}")
    @CsvSource(nullValues = "null", value = {
            "123456789, 123456789, null",
            "999999999999999999, 999999999999999999, null",   // 18 digits: still an id
            "@alice, null, alice",
            "alice_1, null, alice_1",
            "' @Alice ', null, Alice"})
    void buyer(String given, Long userId, String username) {
        OrderFilter.BuyerRef buyer = PARSER.parse(List.of(), null, null, null, given, null, null).buyer();
        assertEquals(userId, buyer.userId());
        assertEquals(username, buyer.username());
    }

    @ParameterizedTest(name = "limit={0}")
    @CsvSource({"1, 1", "200, 200", "' 7 ', 7"})
    void limit(String given, int expected) {
        assertEquals(expected, PARSER.parse(List.of(), null, null, null, null, given, null).limit());
    }

    @Test
    void aCursorHandedOutComesBackAsThePosition() {
        OrderCursor cursor = new OrderCursor(Instant.parse("2026-01-31T12:00:00.123456Z"),
                UUID.fromString("00000000-0000-0000-0000-000000000042"));
        assertEquals(cursor, PARSER.parse(List.of(), null, null, null, null, null, cursor.encode()).after());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            // parameter | value | code | the detail names
            "status   | SHIPPED                   | INVALID_REQUEST      | status must be one of",
            "status   | PAID,SHIPPED              | INVALID_REQUEST      | status must be one of",
            "status   | PAID REFUNDED             | INVALID_REQUEST      | status must be one of",
            "currency | US                        | UNSUPPORTED_CURRENCY | currency must be",
            "currency | USDT                      | UNSUPPORTED_CURRENCY | currency must be",
            "currency | ABC                       | UNSUPPORTED_CURRENCY | currency must be",
            "currency | BTC                       | UNSUPPORTED_CURRENCY | currency must be",
            "from     | 2026-02-30                | INVALID_REQUEST      | from must be a date",
            "from     | 2026-13-01                | INVALID_REQUEST      | from must be a date",
            "from     | 2025-02-29                | INVALID_REQUEST      | from must be a date",
            "from     | 31.01.2026                | INVALID_REQUEST      | from must be a date",
            "from     | 2026-1-31                 | INVALID_REQUEST      | from must be a date",
            "from     | 2026-01-31T12:00:00       | INVALID_REQUEST      | from must be a date",
            "from     | 2026-01-31T12:00:00[Europe/Paris] | INVALID_REQUEST | from must be a date",
            "from     | 2026-01-31 12:00:00Z      | INVALID_REQUEST      | from must be a date",
            "from     | 1738325000                | INVALID_REQUEST      | from must be a date",
            "to       | 2026-01-31T25:00:00Z      | INVALID_REQUEST      | to must be a date",
            "to       | yesterday                 | INVALID_REQUEST      | to must be a date",
            "buyer    | @                         | INVALID_REQUEST      | buyer must be",
            "buyer    | alice smith               | INVALID_REQUEST      | buyer must be",
            "buyer    | alice;drop                | INVALID_REQUEST      | buyer must be",
            "buyer    | -42                       | INVALID_REQUEST      | buyer must be",
            "limit    | 0                         | INVALID_REQUEST      | limit must be",
            "limit    | 201                       | INVALID_REQUEST      | limit must be",
            "limit    | -1                        | INVALID_REQUEST      | limit must be",
            "limit    | 1e3                       | INVALID_REQUEST      | limit must be",
            "limit    | 2.5                       | INVALID_REQUEST      | limit must be",
            "limit    | 99999999999               | INVALID_REQUEST      | limit must be",
            "limit    | ten                       | INVALID_REQUEST      | limit must be",
            "cursor   | not-a-cursor              | INVALID_REQUEST      | cursor",
            "cursor   | MjAyNi0wMS0zMQ            | INVALID_REQUEST      | cursor"})
    void refused(String parameter, String value, ProblemCode code, String detail) {
        ProblemException e = assertThrows(ProblemException.class, () -> parseOne(parameter, value));
        assertEquals(code, e.code());
        assertTrue(e.getMessage().startsWith(detail), e.getMessage());
    }

    @ParameterizedTest(name = "from={0} to={1}")
    @CsvSource({
            "2026-02-01, 2026-01-31",                        // the range ends before it starts
            "2026-01-31T12:00:00Z, 2026-01-31T12:00:00Z",    // an empty range
            "2026-02-01, 2026-01-31T23:59:59Z",
            "2026-01-31T12:00:00+01:00, 2026-01-31T11:00:00Z"}) // the same instant written two ways
    void aRangeMustRunForwards(String from, String to) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> PARSER.parse(List.of(), null, from, to, null, null, null));
        assertEquals(ProblemCode.INVALID_REQUEST, e.code());
        assertEquals("from must be before to", e.getMessage());
    }

    @Test
    void aDayAsToIncludesItsLastInstant() {
        OrderFilter filter = PARSER.parse(List.of(), null, "2026-01-31T23:59:59.999Z", "2026-01-31", null, null,
                null);
        assertTrue(filter.from().isBefore(filter.to()));
        assertNull(filter.buyer());
    }

    private static OrderFilter parseOne(String parameter, String value) {
        return switch (parameter) {
            case "status" -> PARSER.parse(List.of(value), null, null, null, null, null, null);
            case "currency" -> PARSER.parse(List.of(), value, null, null, null, null, null);
            case "from" -> PARSER.parse(List.of(), null, value, null, null, null, null);
            case "to" -> PARSER.parse(List.of(), null, null, value, null, null, null);
            case "buyer" -> PARSER.parse(List.of(), null, null, null, value, null, null);
            case "limit" -> PARSER.parse(List.of(), null, null, null, null, value, null);
            case "cursor" -> PARSER.parse(List.of(), null, null, null, null, null, value);
            default -> throw new IllegalArgumentException(parameter);
        };
    }
}

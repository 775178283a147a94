package dev.starshop.platform.db;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The values of a statement's {@code :name} parameters: {@code Params.of("sku", sku).and("limit", 50)}.
 * A name is given once. Values bind as: String, Long, Integer, Boolean, BigDecimal as themselves; an enum
 * as its name; an Instant as a timestamp; {@code byte[]} as bytea; UUID, OffsetDateTime and other JDBC types by
 * {@code setObject}; {@code String[]}, {@code Long[]}, {@code Integer[]}, {@code UUID[]} as text, bigint,
 * integer and uuid arrays; null as an untyped NULL whose type PostgreSQL infers from where it is used
 * (write {@code :name::type} where nothing says).
 */
public final class Params {

    private final Map<String, Object> values = new LinkedHashMap<>();

    private Params() {
    }

    /** For a statement without parameters. */
    public static Params none() {
        return new Params();
    }

    public static Params of(String name, Object value) {
        return new Params().and(name, value);
    }

    /**
     * One column of {@code rows} as an array, for a statement over a batch's rows
     * ({@code unnest(:amounts::bigint[], …)}): {@code Params.column(rows, Row::amount, Long[]::new)}.
     */
    public static <T, C> C[] column(List<T> rows, Function<T, C> value, IntFunction<C[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    /** Adds a value; naming the same parameter twice is a mistake and fails. */
    public Params and(String name, Object value) {
        if (!isName(name)) {
            throw new IllegalArgumentException("Not a parameter name: " + name);
        }
        if (values.containsKey(name)) {
            throw new IllegalArgumentException("Parameter :" + name + " is given twice");
        }
        values.put(name, value);
        return this;
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}, as {@link NamedSql} reads a name; by hand, as it runs for every value. */
    private static boolean isName(String name) {
        if (name == null || name.isEmpty() || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return values.size();
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Set<String> names() {
        return values.keySet();
    }

    void bind(PreparedStatement statement, int index, String name) throws SQLException {
        Object value = values.get(name);
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof BigDecimal number) {
            statement.setBigDecimal(index, number);
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (value instanceof Instant instant) {
            bindInstant(statement, index, instant);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else if (value instanceof Object[] array) {
            statement.setArray(index, statement.getConnection().createArrayOf(arrayType(name, array), array));
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * An instant as the text PostgreSQL reads for a {@code timestamptz}, in UTC, untyped, rounded to the
     * microsecond half up: what {@code setTimestamp(Timestamp.from(instant))} sends, without its cost. The driver
     * makes a {@code TimestampUtils} with its calendars for every statement that binds a {@code Timestamp} and
     * formats through a {@code GregorianCalendar}; an update binds instants in most of its statements
     * (docs/performance.md, section 1). Years outside 1583–9999 go through the driver as before: before the
     * Gregorian reform its {@code Timestamp} counts in the Julian calendar, and PostgreSQL's text cannot be wider.
     */
    private static void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        Instant rounded = instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        LocalDateTime utc = LocalDateTime.ofEpochSecond(rounded.getEpochSecond(), rounded.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 1583 || utc.getYear() > 9999) {
            statement.setTimestamp(index, Timestamp.from(instant));
            return;
        }
        statement.setObject(index, timestamptzText(utc), Types.OTHER);
    }

    /** {@code 2026-12-06 11:14:28.123456+00}: the fraction only when there is one, as the driver writes it. */
    static String timestamptzText(LocalDateTime utc) {
        StringBuilder text = new StringBuilder(32);
        pad(text, utc.getYear(), 4).append('-');
        pad(text, utc.getMonthValue(), 2).append('-');
        pad(text, utc.getDayOfMonth(), 2).append(' ');
        pad(text, utc.getHour(), 2).append(':');
        pad(text, utc.getMinute(), 2).append(':');
        pad(text, utc.getSecond(), 2);
        if (utc.getNano() != 0) {
            pad(text.append('.'), utc.getNano() / 1000, 6);
        }
        return text.append("+00").toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int digits) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(number);
    }

    private static String arrayType(String name, Object[] array) {
        if (array instanceof String[]) {
            return "text";
        } else if (array instanceof Long[]) {
            return "bigint";
        } else if (array instanceof Integer[]) {
            return "integer";
        } else if (array instanceof UUID[]) {
            return "uuid";
        }
        throw new IllegalArgumentException("Parameter :" + name + " is an array of "
                + array.getClass().getComponentType().getSimpleName() + "; use String[], Long[], Integer[] or UUID[]");
    }
}

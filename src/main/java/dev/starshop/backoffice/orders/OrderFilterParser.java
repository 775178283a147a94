package dev.starshop.backoffice.orders;

import dev.starshop.money.CurrencyTable;
import dev.starshop.order.OrderStatus;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the order list's query parameters into an {@link OrderFilter}, or refuses them with a 422
 * problem that names the parameter. Nothing here reaches SQL as text: values are bound.
 */
@Singleton
final class OrderFilterParser {

    private static final Pattern USER_ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern USERNAME = Pattern.compile("@?([A-Za-z0-9_]{1,64})");

    private final CurrencyTable currencies;

    OrderFilterParser(CurrencyTable currencies) {
        this.currencies = currencies;
    }

    OrderFilter parse(List<String> status, @Nullable String currency, @Nullable String from, @Nullable String to,
                      @Nullable String buyer, @Nullable String limit, @Nullable String cursor) {
        Instant start = present(from) ? instant("from", from, false) : null;
        Instant end = present(to) ? instant("to", to, true) : null;
        if (start != null && end != null && !start.isBefore(end)) {
            throw invalid("from must be before to");
        }
        return new OrderFilter(statuses(status), present(currency) ? currency(currency) : null, start, end,
                present(buyer) ? buyer(buyer) : null, present(limit) ? limit(limit) : OrderFilter.DEFAULT_LIMIT,
                present(cursor) ? OrderCursor.decode(cursor) : null);
    }

    /** {@code status=PAID&status=REFUNDED} and {@code status=PAID,REFUNDED} mean the same. */
    private static Set<OrderStatus> statuses(List<String> values) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        values.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(name -> !name.isEmpty()).forEach(name -> statuses.add(status(name)));
        return statuses;
    }

    private static OrderStatus status(String name) {
        try {
            return OrderStatus.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("status must be one of " + Arrays.toString(OrderStatus.values()));
        }
    }

    private String currency(String code) {
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (upper.length() != 3 || currencies.find(upper).isEmpty()) {
            throw new ProblemException(ProblemCode.UNSUPPORTED_CURRENCY,
                    "currency must be a code Telegram accepts, such as XTR or USD");
        }
        return upper;
    }

    /** A day is a UTC calendar day: as {@code to} it includes that whole day. */
    private static Instant instant(String name, String value, boolean endOfRange) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfRange ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be a date (2026-01-31) or an instant (2026-01-31T12:00:00Z)");
        }
    }

    private static OrderFilter.BuyerRef buyer(String value) {
        String text = value.strip();
        if (USER_ID.matcher(text).matches()) {
            return new OrderFilter.BuyerRef(Long.parseLong(text), null);
        }
        var username = USERNAME.matcher(text);
        if (!username.matches()) {
            throw invalid("buyer must be a Telegram user id (123456789) or a username (@alice)");
        }
        return new OrderFilter.BuyerRef(null, username.group(1));
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= OrderFilter.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw invalid("limit must be a whole number from 1 to " + OrderFilter.MAX_LIMIT);
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, detail);
    }
}

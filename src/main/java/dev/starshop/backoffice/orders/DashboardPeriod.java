package dev.starshop.backoffice.orders;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The dashboard's period: whole UTC days from {@code from} through {@code to}, both included, at
 * most {@value #MAX_DAYS} days. Without parameters, the 30 days ending today.
 */
record DashboardPeriod(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** Parses {@code YYYY-MM-DD} days strictly; anything else is a 400 problem naming the parameter. */
    static DashboardPeriod parse(@Nullable String from, @Nullable String to, Clock clock) {
        LocalDate end = present(to) ? day("to", to) : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = present(from) ? day("from", from) : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw malformed("from must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw malformed("the period may span at most " + MAX_DAYS + " days");
        }
        return new DashboardPeriod(start, end);
    }

    /** The first instant of the period. */
    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static LocalDate day(String name, String value) {
        if (DAY.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // falls through to the same answer as any other malformed day
            }
        }
        throw malformed(name + " must be a UTC day written YYYY-MM-DD, e.g. 2026-01-31");
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(ProblemCode.MALFORMED_REQUEST, detail);
    }
}

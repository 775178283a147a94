package dev.starshop.backoffice.exports;

import dev.starshop.money.CurrencyTable;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/**
 * One export as asked for, validated: which data, in which format and profile, for which local days.
 * {@code from} is the start of the first local day, {@code until} the start of the day after the last
 * (exclusive), both as UTC instants.
 */
record ExportRequest(Dataset dataset, Format format, Profile profile, LocalDate fromDay, LocalDate toDay,
                     ZoneId zone, Instant from, Instant until, String currency, String status, boolean bom) {

    /** What is exported; {@code slug} is its name in the file ({@code order-lines.csv}). */
    enum Dataset {
        LEDGER("ledger"), ORDERS("orders"), ORDER_LINES("order-lines"), SUMMARY("summary");

        final String slug;

        Dataset(String slug) {
            this.slug = slug;
        }

        /** Only the orders and order-lines exports take a status filter (the order's status). */
        boolean filtersStatus() {
            return this == ORDERS || this == ORDER_LINES;
        }

        static Dataset ofSlug(String slug) {
            for (Dataset dataset : values()) {
                if (dataset.slug.equalsIgnoreCase(slug)) {
                    return dataset;
                }
            }
            throw invalid("unknown export " + slug);
        }
    }

    enum Format { CSV, XLSX }

    enum Profile { CANONICAL, XERO, QUICKBOOKS }

    private static final Set<String> ORDER_STATUSES = Set.of("PENDING_PAYMENT", "PAID", "FULFILLED", "CANCELLED",
            "EXPIRED", "REFUNDED", "NEEDS_REVIEW");

    /** Parses the query parameters; every mistake is a 422 invalid-request that names the parameter. */
    static ExportRequest parse(String file, String from, String to, String tz, String currency, String status,
                               String profile, Boolean bom, CurrencyTable currencies) {
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            throw invalid("the file must be {ledger|orders|order-lines|summary}.{csv|xlsx}, not " + file);
        }
        Dataset dataset = Dataset.ofSlug(file.substring(0, dot));
        Format format = choice(Format.class, file.substring(dot + 1), "format");
        Profile chosenProfile = profile == null ? Profile.CANONICAL : choice(Profile.class, profile, "profile");
        if (chosenProfile != Profile.CANONICAL && (dataset != Dataset.LEDGER || format != Format.CSV)) {
            throw invalid("profile " + profile + " exists only for ledger.csv");
        }
        ZoneId zone = zone(tz);
        LocalDate fromDay = day(from, "from");
        LocalDate toDay = day(to, "to");
        if (fromDay.isAfter(toDay)) {
            throw invalid("from (" + fromDay + ") is after to (" + toDay + ")");
        }
        if (currency != null && currencies.find(currency).isEmpty()) {
            throw invalid("unknown currency " + currency);
        }
        if (status != null && (!dataset.filtersStatus() || !ORDER_STATUSES.contains(status))) {
            throw invalid(!dataset.filtersStatus() ? "status filters the orders and order-lines exports only"
                    : "unknown order status " + status);
        }
        return new ExportRequest(dataset, format, chosenProfile, fromDay, toDay, zone,
                fromDay.atStartOfDay(zone).toInstant(), toDay.plusDays(1).atStartOfDay(zone).toInstant(),
                currency, status, Boolean.TRUE.equals(bom));
    }

    /** The download's file name, e.g. {@code ledger-2026-01-01-2026-01-31-xero.csv}. */
    String fileName() {
        String suffix = profile == Profile.CANONICAL ? "" : "-" + profile.name().toLowerCase(Locale.ROOT);
        return dataset.slug + "-" + fromDay + "-" + toDay + suffix + "."
                + format.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("unknown " + what + " " + value);
        }
    }

    private static ZoneId zone(String tz) {
        if (tz == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw invalid("unknown time zone " + tz);
        }
    }

    private static LocalDate day(String value, String name) {
        if (value == null) {
            throw invalid(name + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw invalid(name + " must be a date YYYY-MM-DD, not " + value);
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, detail);
    }
}

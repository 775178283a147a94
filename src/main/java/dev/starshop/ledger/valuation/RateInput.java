package dev.starshop.ledger.valuation;

import dev.starshop.money.CurrencyTable;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads the outside's text (JSON members, CSV cells) into a rate's parts, once, refusing anything a
 * rate cannot be: never rounded, never guessed. {@code where} names the member or CSV row in messages.
 */
final class RateInput {

    static final int MAX_SCALE = 12;
    static final BigDecimal MAX_RATE = new BigDecimal(1_000_000);
    static final int MAX_REFERENCE = 200;

    private RateInput() {
    }

    static LocalDate day(String text, String where) {
        if (text == null || text.isBlank()) {
            throw invalid(where + " is required (a day like 2026-11-30)");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(where + " must be a day like 2026-11-30, is '" + shorten(text) + "'");
        }
    }

    /** A positive decimal below 1,000,000 with at most 12 decimals, trailing zeros dropped. */
    static BigDecimal rate(String text, String where) {
        BigDecimal rate = decimal(text, where);
        if (rate.signum() <= 0) {
            throw invalid(where + " must be above zero, is " + rate.toPlainString());
        }
        if (rate.compareTo(MAX_RATE) >= 0) {
            throw invalid(where + " must be below " + MAX_RATE + " per Star");
        }
        if (rate.scale() > MAX_SCALE) {
            throw invalid(where + " has more than " + MAX_SCALE + " decimals; it is never rounded");
        }
        return rate;
    }

    /** An exact decimal, trailing zeros dropped ("0.0130" → 0.013, "5E+1" → 50). */
    static BigDecimal decimal(String text, String where) {
        if (text == null || text.isBlank()) {
            throw invalid(where + " is required (a decimal like \"0.013\")");
        }
        try {
            BigDecimal value = new BigDecimal(text.strip()).stripTrailingZeros();
            return value.scale() < 0 ? value.setScale(0) : value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(where + " must be a decimal like \"0.013\", is '" + shorten(text) + "'");
        }
    }

    /** The reporting currency, or absent for it; an unknown code or another currency is refused. */
    static void requireReporting(String code, ReportingCurrency reporting, CurrencyTable currencies) {
        if (code == null || code.isBlank()) {
            return;
        }
        if (currencies.find(code.strip()).isEmpty()) {
            throw new ProblemException(ProblemCode.UNSUPPORTED_CURRENCY, "Unknown currency '" + shorten(code) + "'");
        }
        if (!code.strip().equals(reporting.currency().code())) {
            throw invalid("Rates are entered in the reporting currency " + reporting.currency().code()
                    + " (starshop.books.reporting-currency), not " + code.strip());
        }
    }

    static String reference(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_REFERENCE || text.chars().anyMatch(Character::isISOControl)) {
            throw invalid("reference must be at most " + MAX_REFERENCE + " characters, without control characters");
        }
        return text.strip();
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, detail);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

package dev.starshop.backoffice.exports;

/** The type of an export column: how CSV and XLSX write its values. */
enum Cell {
    /** Free text: neutralised against formula injection in every format. */
    TEXT,
    /** A whole number (ids, minor units): an XLSX number, plain digits in CSV. */
    INTEGER,
    /** A BigDecimal with the currency's exponent: an XLSX number, plain decimal in CSV. */
    DECIMAL,
    /** An Instant: an XLSX date in UTC, ISO-8601 UTC in CSV. */
    TIMESTAMP;

    /**
     * Spreadsheet formula injection (OWASP "CSV injection"): a text starting with {@code = + - @},
     * tab or carriage return is prefixed with an apostrophe so no spreadsheet evaluates it.
     */
    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** The first characters that make a spreadsheet read a cell as a formula. */
    static final String FORMULA_STARTS = "=+-@\t\r";
}

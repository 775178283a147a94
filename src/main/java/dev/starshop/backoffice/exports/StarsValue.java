package dev.starshop.backoffice.exports;

import dev.starshop.platform.db.Row;

import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * A ledger export row's posting as the accounting profiles show it: a fiat posting as itself; a Stars
 * posting at its locked value in the reporting currency when it has one, else in exact Stars (fractions
 * included) and marked unvalued, so nothing is ever valued by guess. {@code amount} is signed like the
 * posting (debit positive).
 */
record StarsValue(BigDecimal amount, String currency, String note) {

    static StarsValue of(Row row, ExportTables tables) throws SQLException {
        String currency = row.getString("currency");
        long minor = row.getLong("amount");
        if (!"XTR".equals(currency)) {
            return new StarsValue(tables.decimal(minor, currency), currency, "");
        }
        BigDecimal stars = exactStars(minor, row.getLong("nanos"));
        BigDecimal fiat = row.getBigDecimal("fiat_decimal");
        if (fiat == null) {
            return new StarsValue(stars, currency, " [" + stars.abs().toPlainString() + " XTR UNVALUED: no rate in force]");
        }
        return new StarsValue(fiat, row.getString("fiat_currency"), " [" + stars.abs().toPlainString() + " XTR at "
                + row.getBigDecimal("fiat_rate").toPlainString() + " " + row.getString("fiat_currency") + "/XTR, "
                + row.getString("fiat_rate_source") + " rate of " + row.getLocalDate("fiat_rate_date") + "]");
    }

    /** Whole Stars and nanostars as one exact decimal: 12 and 500000000 → 12.5. */
    static BigDecimal exactStars(long amount, long nanos) {
        BigDecimal exact = BigDecimal.valueOf(amount).add(BigDecimal.valueOf(nanos, 9)).stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }
}

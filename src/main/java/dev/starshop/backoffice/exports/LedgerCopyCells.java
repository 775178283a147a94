package dev.starshop.backoffice.exports;

import dev.starshop.money.CurrencyTable;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static dev.starshop.backoffice.exports.LedgerFields.ACCOUNT;
import static dev.starshop.backoffice.exports.LedgerFields.AMOUNT;
import static dev.starshop.backoffice.exports.LedgerFields.BUYER_ID;
import static dev.starshop.backoffice.exports.LedgerFields.CURRENCY;
import static dev.starshop.backoffice.exports.LedgerFields.EXTERNAL_KEY;
import static dev.starshop.backoffice.exports.LedgerFields.FIAT_AMOUNT;
import static dev.starshop.backoffice.exports.LedgerFields.FIAT_CURRENCY;
import static dev.starshop.backoffice.exports.LedgerFields.FIAT_DECIMAL;
import static dev.starshop.backoffice.exports.LedgerFields.FIAT_RATE;
import static dev.starshop.backoffice.exports.LedgerFields.FIAT_RATE_DATE;
import static dev.starshop.backoffice.exports.LedgerFields.FIAT_RATE_SOURCE;
import static dev.starshop.backoffice.exports.LedgerFields.ID;
import static dev.starshop.backoffice.exports.LedgerFields.KIND;
import static dev.starshop.backoffice.exports.LedgerFields.NANOS;
import static dev.starshop.backoffice.exports.LedgerFields.OCCURRED_AT;
import static dev.starshop.backoffice.exports.LedgerFields.ORDER_ID;
import static dev.starshop.backoffice.exports.LedgerFields.PROMO_CODE;
import static dev.starshop.backoffice.exports.LedgerFields.PROVIDER_CHARGE_ID;
import static dev.starshop.backoffice.exports.LedgerFields.REVERSES_ID;
import static dev.starshop.backoffice.exports.LedgerFields.TELEGRAM_CHARGE_ID;
import static dev.starshop.backoffice.exports.LedgerFields.USERNAME;

/**
 * The canonical ledger's XLSX cells ({@link ExportTables#LEDGER_COLUMNS}) from one row of PostgreSQL's
 * COPY: the values the row path's mapper reads through the driver for the same row, of the same Java
 * types (LedgerCopyTest compares the two files byte for byte). An unknown currency fails the export,
 * as it does there. The columns of few values (kind, account, currencies, rate source) reuse their
 * Strings ({@link RecurringText}).
 */
final class LedgerCopyCells {

    private final CurrencyTable currencies;
    private final Map<String, Integer> exponents = new HashMap<>();
    private final RecurringText kinds = new RecurringText();
    private final RecurringText accounts = new RecurringText();
    private final RecurringText currencyCodes = new RecurringText();
    private final RecurringText fiatCurrencies = new RecurringText();
    private final RecurringText rateSources = new RecurringText();

    LedgerCopyCells(CurrencyTable currencies) {
        this.currencies = currencies;
    }

    Object[] of(PostgresCsvRow row) throws IOException {
        String currency = currencyCodes.of(row, CURRENCY);
        long amount = row.longValue(AMOUNT);
        long nanos = row.longValue(NANOS);
        return new Object[] {
                row.longValue(ID), row.text(EXTERNAL_KEY), kinds.of(row, KIND), row.utcInstant(OCCURRED_AT),
                accounts.of(row, ACCOUNT), currency, amount, BigDecimal.valueOf(amount, exponent(currency)),
                amount > 0 || (amount == 0 && nanos > 0) ? "DEBIT" : "CREDIT",
                row.text(ORDER_ID), row.longOrNull(BUYER_ID), row.text(USERNAME), row.text(TELEGRAM_CHARGE_ID),
                emptyToNull(row.text(PROVIDER_CHARGE_ID)), row.longOrNull(REVERSES_ID), row.text(PROMO_CODE), nanos,
                fiatCurrencies.of(row, FIAT_CURRENCY), row.longOrNull(FIAT_AMOUNT), row.decimalOrNull(FIAT_DECIMAL),
                row.decimalOrNull(FIAT_RATE), row.dateTextOrNull(FIAT_RATE_DATE),
                rateSources.of(row, FIAT_RATE_SOURCE)};
    }

    private int exponent(String currency) {
        return exponents.computeIfAbsent(currency, code -> currencies.require(code).exponent());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

package dev.starshop.backoffice.exports;

/**
 * The fields of the ledger's SELECT ({@link ExportTables#ledgerCopySql}) by position, as COPY writes
 * them: {@link LedgerCsvLines} edits them into the CSV and {@link LedgerCopyCells} decodes them into
 * the XLSX's cells. Keep them in step with the SELECT's column list.
 */
final class LedgerFields {

    static final int ID = 0;
    static final int EXTERNAL_KEY = 1;
    static final int KIND = 2;
    static final int OCCURRED_AT = 3;
    static final int ACCOUNT = 4;
    static final int CURRENCY = 5;
    static final int AMOUNT = 6;
    static final int ORDER_ID = 7;
    static final int BUYER_ID = 8;
    static final int USERNAME = 9;
    static final int TELEGRAM_CHARGE_ID = 10;
    static final int PROVIDER_CHARGE_ID = 11;
    static final int REVERSES_ID = 12;
    static final int PROMO_CODE = 13;
    static final int NANOS = 14;
    static final int FIAT_CURRENCY = 15;
    static final int FIAT_AMOUNT = 16;
    static final int FIAT_DECIMAL = 17;
    static final int FIAT_RATE = 18;
    static final int FIAT_RATE_DATE = 19;
    static final int FIAT_RATE_SOURCE = 20;
    static final int COUNT = 21;

    private LedgerFields() {
    }
}

package dev.starshop.backoffice.exports;

import dev.starshop.money.CurrencyTable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.starshop.backoffice.exports.LedgerFields.ACCOUNT;
import static dev.starshop.backoffice.exports.LedgerFields.AMOUNT;
import static dev.starshop.backoffice.exports.LedgerFields.CURRENCY;
import static dev.starshop.backoffice.exports.LedgerFields.EXTERNAL_KEY;
import static dev.starshop.backoffice.exports.LedgerFields.KIND;
import static dev.starshop.backoffice.exports.LedgerFields.NANOS;
import static dev.starshop.backoffice.exports.LedgerFields.OCCURRED_AT;
import static dev.starshop.backoffice.exports.LedgerFields.ORDER_ID;
import static dev.starshop.backoffice.exports.LedgerFields.PROMO_CODE;
import static dev.starshop.backoffice.exports.LedgerFields.PROVIDER_CHARGE_ID;
import static dev.starshop.backoffice.exports.LedgerFields.TELEGRAM_CHARGE_ID;
import static dev.starshop.backoffice.exports.LedgerFields.USERNAME;

/**
 * Writes the canonical ledger CSV ({@link ExportTables#LEDGER_COLUMNS}) from the rows PostgreSQL's COPY
 * writes for {@link ExportTables#ledgerCopySql}, with the cells {@link CsvSink} writes for the same rows:
 * text neutralised against formula injection, empty text as an empty cell, the decimal amount with the
 * currency's exponent, the side, instants as {@code ISO_INSTANT}, CRLF row ends. PostgreSQL has quoted
 * the fields already, so each row is copied through as bytes, separators included, and only what
 * differs is written instead; nothing is decoded.
 */
final class LedgerCsvLines {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] DEBIT = ascii("DEBIT,");
    private static final byte[] CREDIT = ascii("CREDIT,");
    private static final int LONGEST_SIDE = CREDIT.length;
    private static final int LONGEST_INSTANT = "2026-01-31T23:59:59.123456Z".length();
    private static final boolean[] FORMULA_START = new boolean[128];

    static {
        Cell.FORMULA_STARTS.chars().forEach(c -> FORMULA_START[c] = true);
    }

    private final OutputStream out;
    private final CurrencyTable currencies;
    private final ByteBuffer buffer = ByteBuffer.allocate(ExportPipe.CHUNK);
    private final Map<String, Integer> exponents = new HashMap<>();
    private byte[] lastCurrency = {};
    private int lastExponent;
    private PostgresCsvRow row;
    private int copied;

    LedgerCsvLines(OutputStream out, CurrencyTable currencies) {
        this.out = out;
        this.currencies = currencies;
    }

    void header(boolean bom) throws IOException {
        if (bom) {
            put(BOM, 0, BOM.length);
        }
        byte[] header = ascii(ExportTables.LEDGER_COLUMNS.stream().map(Column::header)
                .collect(Collectors.joining(",")));
        put(header, 0, header.length);
        put(CRLF, 0, CRLF.length);
    }

    /** One row: as PostgreSQL wrote it, but for the text, instant, amount and side cells. */
    void write(PostgresCsvRow next) throws IOException {
        row = next;
        copied = 0;
        text(EXTERNAL_KEY);
        text(KIND);
        instant(OCCURRED_AT);
        text(ACCOUNT);
        text(CURRENCY);
        copyThrough(row.end(AMOUNT) + 1); // amount_minor and its comma; the decimal amount and side follow
        int exponent = exponent();
        room(row.end(AMOUNT) - row.start(AMOUNT) + exponent + 3 + LONGEST_SIDE); // "-5" can become "-0.005,"
        decimal(row.bytes(), row.start(AMOUNT), row.end(AMOUNT), exponent, buffer);
        buffer.put((byte) ',').put(isDebit() ? DEBIT : CREDIT);
        text(ORDER_ID);
        text(USERNAME);
        text(TELEGRAM_CHARGE_ID);
        text(PROVIDER_CHARGE_ID);
        text(PROMO_CODE);
        copyThrough(row.length());
        put(CRLF, 0, CRLF.length);
    }

    /** Writes what is buffered; the stream stays open. */
    void flush() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    /**
     * PostgreSQL's ISO text of a timestamptz in UTC ({@code 2026-01-31 23:30:00.5+00}) as
     * {@code ISO_INSTANT} writes the instant ({@code 2026-01-31T23:30:00.500Z}): a fraction only when
     * there is one, in groups of three digits (PostgreSQL drops trailing zeros). Years before 1 or
     * after 9999, or another zone, look different and fail the export.
     */
    static void isoInstant(byte[] text, int start, int end, ByteBuffer to) throws IOException {
        int length = PostgresCsvRow.utcTimestampLength(text, start, end);
        boolean fraction = length > 19;
        to.put(text, start, 10).put((byte) 'T').put(text, start + 11, length - 11);
        int digits = length - 20;
        for (int padded = digits <= 3 ? 3 : 6; fraction && digits < padded; digits++) {
            to.put((byte) '0');
        }
        to.put((byte) 'Z');
    }

    /**
     * Minor units ({@code -5}, as PostgreSQL writes a bigint) with the currency's exponent, as
     * {@code BigDecimal.valueOf(minor, exponent).toPlainString()} writes them ({@code -0.05}): the digits
     * are the same, only the decimal point is placed, with zeros before it where the number is smaller.
     */
    static void decimal(byte[] minor, int start, int end, int exponent, ByteBuffer to) {
        if (minor[start] == '-') {
            to.put((byte) '-');
            start++;
        }
        int whole = end - start - exponent;
        if (whole > 0) {
            to.put(minor, start, whole);
        } else {
            to.put((byte) '0');
        }
        if (exponent > 0) {
            to.put((byte) '.');
            for (int zeros = -whole; zeros > 0; zeros--) {
                to.put((byte) '0');
            }
            int fraction = Math.max(whole, 0);
            to.put(minor, start + fraction, end - start - fraction);
        }
    }

    /** Text as {@link Cell#neutralise} leaves it, keeping PostgreSQL's quotes; an empty string as an empty cell. */
    private void text(int field) throws IOException {
        byte[] bytes = row.bytes();
        int start = row.start(field);
        int end = row.end(field);
        boolean quoted = end > start && bytes[start] == '"';
        int first = quoted ? start + 1 : start;
        if (quoted && end - start == 2) { // "": an empty string
            copyThrough(start);
            copied = end;
        } else if (first < end && bytes[first] >= 0 && FORMULA_START[bytes[first]]) {
            copyThrough(first);
            put((byte) '\'');
        }
    }

    private void instant(int field) throws IOException {
        copyThrough(row.start(field));
        room(LONGEST_INSTANT);
        isoInstant(row.bytes(), row.start(field), row.end(field), buffer);
        copied = row.end(field);
    }

    /** The exponent of the row's currency; one the currency table does not know fails the export. */
    private int exponent() {
        if (!row.sameBytes(CURRENCY, lastCurrency)) {
            String code = row.ascii(CURRENCY);
            lastCurrency = code.getBytes(StandardCharsets.US_ASCII);
            lastExponent = exponents.computeIfAbsent(code, c -> currencies.require(c).exponent());
        }
        return lastExponent;
    }

    /** The row path's side: a positive amount, or a zero one with positive nanos (a fraction of a Star). */
    private boolean isDebit() {
        byte[] b = row.bytes();
        if (positive(b, row.start(AMOUNT), row.end(AMOUNT))) {
            return true;
        }
        boolean zero = row.end(AMOUNT) - row.start(AMOUNT) == 1 && b[row.start(AMOUNT)] == '0';
        return zero && positive(b, row.start(NANOS), row.end(NANOS));
    }

    /** Whether a bigint as PostgreSQL writes it is above zero: the row path's {@code amount > 0}. */
    private static boolean positive(byte[] digits, int start, int end) {
        return digits[start] != '-' && !(end - start == 1 && digits[start] == '0');
    }

    /** Copies the row from where the last copy ended up to {@code position}. */
    private void copyThrough(int position) throws IOException {
        put(row.bytes(), copied, position - copied);
        copied = position;
    }

    private void put(byte b) throws IOException {
        room(1);
        buffer.put(b);
    }

    private void put(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.capacity()) {
            flush();
            out.write(bytes, offset, length);
            return;
        }
        room(length);
        buffer.put(bytes, offset, length);
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

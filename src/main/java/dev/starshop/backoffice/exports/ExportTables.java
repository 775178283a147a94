package dev.starshop.backoffice.exports;

import dev.starshop.order.Attribution;
import dev.starshop.backoffice.exports.ExportRequest.Profile;
import dev.starshop.money.CurrencyTable;
import dev.starshop.platform.db.Row;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The exports' SQL and columns. Each table is a query with a stable ORDER BY (same data, same bytes),
 * its columns, and a mapper from one result row (read by column name) to cell values. Parameters are
 * {@code :from}, {@code :until}, {@code :currency} and, for orders, {@code :status}; currency and status
 * may be null (no filter).
 */
final class ExportTables {

    /** A query, its columns and how to turn one row into cells. */
    record Table(String sheet, String sql, List<Column> columns, RowMapper mapper) {
    }

    @FunctionalInterface
    interface RowMapper {
        Object[] map(Row row) throws SQLException;
    }

    /**
     * The ledger's postings in a total order: %1$s from, %2$s until, %3$s the currency or NULL, %4$s a
     * profile's condition. The row path binds parameters; {@link LedgerCopy} writes literals in, and
     * {@link LedgerFields} numbers COPY's fields by position: keep them in step.
     */
    private static final String LEDGER_SQL = """
            SELECT t.id, t.external_key, t.kind, t.occurred_at, p.account, t.currency, p.amount,
                   t.order_id, t.buyer_id, b.username, t.telegram_charge_id, t.provider_charge_id, t.reverses_id,
                   o.promo_code, p.nanos, v.currency AS fiat_currency, pv.fiat_amount,
                   round(pv.fiat_amount::numeric / power(10::numeric, v.exponent), v.exponent) AS fiat_decimal,
                   v.rate AS fiat_rate, v.rate_date AS fiat_rate_date,
                   CASE WHEN t.currency = 'XTR' THEN coalesce(v.rate_source, 'UNVALUED') END AS fiat_rate_source
            FROM ledger_transactions t
            JOIN ledger_postings p ON p.transaction_id = t.id
            LEFT JOIN buyers b ON b.telegram_user_id = t.buyer_id
            LEFT JOIN orders o ON o.id = t.order_id
            LEFT JOIN stars_valuations v ON v.transaction_id = t.id
            LEFT JOIN stars_posting_values pv ON pv.posting_id = p.id
            WHERE t.occurred_at >= %1$s AND t.occurred_at < %2$s AND (%3$s::text IS NULL OR t.currency = %3$s)
            %4$s
            ORDER BY t.occurred_at, t.id, p.id""";

    /** The sheet of every ledger XLSX. */
    static final String LEDGER_SHEET = "ledger";

    /**
     * The canonical ledger's columns; {@link LedgerCsvLines} (CSV) and {@link LedgerCopyCells} (XLSX) write them
     * from {@link #ledgerCopySql}'s rows.
     */
    static final List<Column> LEDGER_COLUMNS = List.of(
            Column.integer("transaction_id"), Column.text("external_key"), Column.text("kind"),
            Column.timestamp("occurred_at"), Column.text("account"), Column.text("currency"),
            Column.integer("amount_minor"), Column.decimal("amount"), Column.text("side"),
            Column.text("order_id"), Column.integer("buyer_id"), Column.text("buyer_username"),
            Column.text("telegram_charge_id"), Column.text("provider_charge_id"),
            Column.integer("reverses_transaction_id"), Column.text("promo_code"), Column.integer("amount_nanos"),
            Column.text("fiat_currency"), Column.integer("fiat_amount_minor"), Column.decimal("fiat_amount"),
            Column.decimal("fiat_rate"), Column.text("fiat_rate_date"), Column.text("fiat_rate_source"));

    private final CurrencyTable currencies;
    private final String reportingCurrency;

    /** @param reportingCurrency the currency Stars are valued in ({@code starshop.books.reporting-currency}) */
    ExportTables(CurrencyTable currencies, String reportingCurrency) {
        this.currencies = currencies;
        this.reportingCurrency = reportingCurrency;
    }

    Table ledger(Profile profile, java.time.ZoneId zone) {
        return switch (profile) {
            case CANONICAL -> new Table(LEDGER_SHEET, ledgerSql(""), LEDGER_COLUMNS, this::ledgerRow);
            case XERO -> XeroProfile.table(this, zone);
            case QUICKBOOKS -> QuickBooksProfile.table(this, zone);
        };
    }

    /** The ledger's rows with the parameters :from, :until and :currency, and a profile's condition. */
    static String ledgerSql(String condition) {
        return LEDGER_SQL.formatted(":from", ":until", ":currency", condition);
    }

    /** The canonical ledger's rows for COPY, which takes no parameters: the values as SQL literals. */
    static String ledgerCopySql(String fromLiteral, String untilLiteral, String currencyLiteral) {
        return LEDGER_SQL.formatted(fromLiteral, untilLiteral, currencyLiteral, "");
    }

    Table orders() {
        return new Table("orders", """
                SELECT o.id, o.created_at, o.status, o.buyer_id, b.username, o.currency, o.total_amount,
                       o.charged_amount, o.charged_shipping_amount, o.charged_tip_amount,
                       (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS line_count,
                       o.promo_code, o.discount_amount,
                       """ + Attribution.SOURCE_SQL + """
                        AS source, a.campaign, a.referrer, a.start_param
                FROM orders o
                LEFT JOIN buyers b ON b.telegram_user_id = o.buyer_id
                LEFT JOIN order_attributions a ON a.order_id = o.id
                WHERE o.created_at >= :from AND o.created_at < :until
                  AND (:currency::text IS NULL OR o.currency = :currency)
                  AND (:status::text IS NULL OR o.status = :status)
                ORDER BY o.created_at, o.id""", List.of(
                Column.text("order_id"), Column.timestamp("created_at"), Column.text("status"),
                Column.integer("buyer_id"), Column.text("buyer_username"), Column.text("currency"),
                Column.integer("items_total_minor"), Column.decimal("items_total"),
                Column.integer("charged_total_minor"), Column.decimal("charged_total"),
                Column.integer("charged_shipping_minor"), Column.decimal("charged_shipping"),
                Column.integer("charged_tip_minor"), Column.decimal("charged_tip"),
                Column.integer("line_count"), Column.text("promo_code"),
                Column.integer("subtotal_minor"), Column.decimal("subtotal"),
                Column.integer("discount_minor"), Column.decimal("discount"), Column.text("source"),
                Column.text("campaign"), Column.text("referrer"), Column.text("start_param")), row -> {
                    String currency = row.getString("currency");
                    long total = row.getLong("total_amount");
                    Long charged = row.getLongOrNull("charged_amount");
                    Long shipping = row.getLongOrNull("charged_shipping_amount");
                    Long tip = row.getLongOrNull("charged_tip_amount");
                    long discount = row.getLong("discount_amount");
                    long subtotal = Math.addExact(total, discount);
                    return new Object[] {row.getUuid("id").toString(), row.getInstant("created_at"),
                            row.getString("status"), row.getLong("buyer_id"), row.getString("username"), currency,
                            total, decimal(total, currency), charged, decimal(charged, currency), shipping,
                            decimal(shipping, currency), tip, decimal(tip, currency), row.getLong("line_count"),
                            row.getString("promo_code"), subtotal, decimal(subtotal, currency), discount,
                            decimal(discount, currency), row.getString("source"), row.getString("campaign"),
                            row.getString("referrer"), row.getString("start_param")};
                });
    }

    /**
     * One row per order line of the orders created in the period. order_discount and promo_code are the
     * order's (repeated on each of its lines); line_discount is the line's share of it (empty for
     * orders placed before shares were kept) and line_net the line after it; the columns come last so
     * the earlier ones keep their places. Delivery is counted per line from
     * {@code deliveries} by status (SENDING counts as pending) — never its code; a physical line shows
     * the order's furthest shipment step instead.
     */
    Table orderLines() {
        return new Table("order_lines", """
                SELECT o.id, o.created_at, o.buyer_id, b.username, l.line_no, l.sku, l.title, l.kind, l.quantity,
                       l.unit_amount, l.line_amount, o.discount_amount, o.promo_code, o.currency, o.status,
                       l.discount_amount AS line_discount_amount,
                       d.sent, d.pending, d.failed, d.revoked,
                       CASE WHEN l.kind = 'PHYSICAL' THEN (SELECT s.step FROM shipment_steps s
                           WHERE s.order_id = o.id
                           ORDER BY array_position(ARRAY['PACKED', 'SHIPPED', 'DELIVERED'], s.step) DESC
                           LIMIT 1) END AS shipment_step
                FROM orders o
                JOIN order_lines l ON l.order_id = o.id
                LEFT JOIN buyers b ON b.telegram_user_id = o.buyer_id
                LEFT JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE x.status = 'SENT') AS sent,
                           count(*) FILTER (WHERE x.status IN ('PENDING', 'SENDING')) AS pending,
                           count(*) FILTER (WHERE x.status = 'FAILED') AS failed,
                           count(*) FILTER (WHERE x.status = 'REVOKED') AS revoked
                    FROM deliveries x WHERE x.order_id = l.order_id AND x.line_no = l.line_no) d ON true
                WHERE o.created_at >= :from AND o.created_at < :until
                  AND (:currency::text IS NULL OR o.currency = :currency)
                  AND (:status::text IS NULL OR o.status = :status)
                ORDER BY o.created_at, o.id, l.line_no""", List.of(
                Column.text("order_id"), Column.timestamp("created_at"), Column.integer("buyer_id"),
                Column.text("buyer_username"), Column.integer("line_no"), Column.text("sku"), Column.text("title"),
                Column.text("kind"), Column.integer("quantity"),
                Column.integer("unit_price_minor"), Column.decimal("unit_price"),
                Column.integer("line_total_minor"), Column.decimal("line_total"),
                Column.integer("order_discount_minor"), Column.decimal("order_discount"), Column.text("promo_code"),
                Column.text("currency"), Column.text("order_status"),
                Column.integer("units_sent"), Column.integer("units_pending"), Column.integer("units_failed"),
                Column.integer("units_revoked"), Column.text("shipment_step"),
                Column.integer("line_discount_minor"), Column.decimal("line_discount"),
                Column.integer("line_net_minor"), Column.decimal("line_net")), row -> {
                    String currency = row.getString("currency");
                    long unit = row.getLong("unit_amount");
                    long line = row.getLong("line_amount");
                    long discount = row.getLong("discount_amount");
                    Long lineDiscount = row.getLongOrNull("line_discount_amount");
                    Long lineNet = lineDiscount == null ? null : line - lineDiscount;
                    return new Object[] {row.getUuid("id").toString(), row.getInstant("created_at"),
                            row.getLong("buyer_id"), row.getString("username"), row.getLong("line_no"),
                            row.getString("sku"), row.getString("title"), row.getString("kind"),
                            row.getLong("quantity"), unit, decimal(unit, currency), line, decimal(line, currency),
                            discount, decimal(discount, currency), row.getString("promo_code"), currency,
                            row.getString("status"), row.getLong("sent"), row.getLong("pending"),
                            row.getLong("failed"), row.getLong("revoked"), row.getString("shipment_step"),
                            lineDiscount, decimal(lineDiscount, currency), lineNet, decimal(lineNet, currency)};
                });
    }

    /** Per currency; Stars also valued in the reporting currency ({@link SummaryTable}). */
    Table summary() {
        return SummaryTable.table(currencies, reportingCurrency);
    }

    private Object[] ledgerRow(Row row) throws SQLException {
        String currency = row.getString("currency");
        long amount = row.getLong("amount");
        long nanos = row.getLong("nanos");
        UUID orderId = row.getUuid("order_id");
        return new Object[] {row.getLong("id"), row.getString("external_key"), row.getString("kind"),
                row.getInstant("occurred_at"), row.getString("account"), currency, amount, decimal(amount, currency),
                amount > 0 || (amount == 0 && nanos > 0) ? "DEBIT" : "CREDIT",
                orderId == null ? null : orderId.toString(),
                row.getLongOrNull("buyer_id"), row.getString("username"), row.getString("telegram_charge_id"),
                emptyToNull(row.getString("provider_charge_id")), row.getLongOrNull("reverses_id"),
                row.getString("promo_code"), nanos, row.getString("fiat_currency"), row.getLongOrNull("fiat_amount"),
                row.getBigDecimal("fiat_decimal"), row.getBigDecimal("fiat_rate"), dayText(row, "fiat_rate_date"),
                row.getString("fiat_rate_source")};
    }

    private static String dayText(Row row, String column) throws SQLException {
        java.time.LocalDate day = row.getLocalDate(column);
        return day == null ? null : day.toString();
    }

    /** Minor units as a decimal with the currency's exponent: 1234 USD → 12.34, 50 XTR → 50. */
    BigDecimal decimal(Long minor, String currency) {
        return minor == null ? null : BigDecimal.valueOf(minor, currencies.require(currency).exponent());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    static String localDate(Instant at, java.time.ZoneId zone, DateTimeFormatter format) {
        return format.format(at.atZone(zone));
    }
}

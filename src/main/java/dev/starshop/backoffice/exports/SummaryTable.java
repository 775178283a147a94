package dev.starshop.backoffice.exports;

import dev.starshop.backoffice.exports.ExportTables.Table;
import dev.starshop.money.CurrencyTable;
import dev.starshop.platform.db.Row;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The summary: one row per currency, never summed across currencies. Each measure is a sum of postings
 * (credit-normal accounts negated), exact in nanostars for XTR: its {@code _minor} column holds whole
 * Stars (towards zero), its decimal column every fraction. Stars rows also show each measure valued in
 * the reporting currency ({@code :reporting}) at the locked posting values, and how many Stars
 * transactions have no valuation in it. Columns are only ever appended, so earlier ones keep their places.
 */
final class SummaryTable {

    /** A sum of postings: its column name, which postings, and +1 (debit-normal) or -1 (credit-normal). */
    private record Measure(String column, String postings, int sign) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("gross_sales", "p.account = 'sales_revenue'", -1),
            new Measure("shipping", "p.account = 'shipping_revenue'", -1),
            new Measure("tips", "p.account = 'tips_revenue'", -1),
            new Measure("refunds", "p.account = 'sales_refunds'", 1),
            new Measure("chargebacks", "p.account = 'chargebacks'", 1),
            new Measure("discounts", "p.account = 'sales_discounts'", 1),
            new Measure("affiliate_commissions", "p.account = 'affiliate_commissions'", 1),
            new Measure("affiliate_income", "p.account = 'affiliate_income'", -1),
            new Measure("telegram_fees", "p.account = 'telegram_fees'", 1),
            new Measure("gifts", "p.account = 'gifts_expense'", 1),
            new Measure("withdrawn", "p.account = 'stars_withdrawn'", 1),
            new Measure("in_transit_change", "p.account = 'stars_in_transit'", 1),
            new Measure("receivable_change", "p.account IN ('telegram_stars_receivable', 'provider_receivable')", 1));

    static final String SQL = """
            SELECT t.currency, count(DISTINCT t.id) AS transactions,
                   count(DISTINCT t.id) FILTER (WHERE t.currency = 'XTR' AND v.transaction_id IS NULL)
                       AS unvalued_transactions,
            %s
            FROM ledger_transactions t
            JOIN ledger_postings p ON p.transaction_id = t.id
            LEFT JOIN stars_valuations v ON v.transaction_id = t.id AND v.currency = :reporting
            LEFT JOIN stars_posting_values pv ON pv.posting_id = p.id AND v.transaction_id IS NOT NULL
            WHERE t.occurred_at >= :from AND t.occurred_at < :until
              AND (:currency::text IS NULL OR t.currency = :currency)
            GROUP BY t.currency
            ORDER BY t.currency""".formatted(MEASURES.stream().map(m -> """
                   coalesce(%1$d * sum(p.amount::numeric * 1000000000 + p.nanos) FILTER (WHERE %2$s), 0) AS %3$s,
                   coalesce(%1$d * sum(pv.fiat_amount) FILTER (WHERE %2$s), 0) AS fiat_%3$s"""
            .formatted(m.sign(), m.postings(), m.column())).collect(Collectors.joining(",\n")));

    private SummaryTable() {
    }

    static Table table(CurrencyTable currencies, String reporting) {
        int reportingExponent = currencies.require(reporting).exponent();
        return new Table("summary", SQL, columns(), row -> {
            String currency = row.getString("currency");
            int exponent = currencies.require(currency).exponent();
            boolean stars = "XTR".equals(currency);
            Sums sums = Sums.read(row, "");
            Sums fiat = Sums.read(row, "fiat_");
            List<Object> cells = new ArrayList<>(List.of(currency, row.getLong("transactions")));
            for (String column : ORDERED) {
                BigDecimal nanoMinor = sums.get(column);
                BigDecimal minor = nanoMinor.movePointLeft(9);
                cells.add(minor.longValue()); // towards zero: whole Stars for XTR, exact otherwise
                cells.add(stars ? plain(minor) : minor.movePointLeft(exponent).setScale(exponent));
            }
            cells.add(stars ? reporting : null);
            for (String column : ORDERED) {
                cells.add(stars ? fiat.get(column).movePointLeft(reportingExponent).setScale(reportingExponent) : null);
            }
            cells.add(stars ? row.getLong("unvalued_transactions") : null);
            return cells.toArray();
        });
    }

    /** Every measure in column order: the first five sums, net, discounts, after discounts, the rest. */
    private static final List<String> ORDERED = List.of("gross_sales", "shipping", "tips", "refunds", "chargebacks",
            "net", "discounts", "sales_after_discounts", "affiliate_commissions", "affiliate_income",
            "telegram_fees", "gifts", "withdrawn", "in_transit_change", "receivable_change");

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>(List.of(Column.text("currency"), Column.integer("transactions")));
        for (String column : ORDERED) {
            columns.add(Column.integer(column + "_minor"));
            columns.add(Column.decimal(column));
        }
        columns.add(Column.text("fiat_currency"));
        ORDERED.forEach(column -> columns.add(Column.decimal("fiat_" + column)));
        columns.add(Column.integer("unvalued_transactions"));
        return columns;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** One row's sums by measure, with net and sales after discounts derived (same scale as the sums). */
    private record Sums(java.util.Map<String, BigDecimal> byColumn) {

        static Sums read(Row row, String prefix) throws SQLException {
            java.util.Map<String, BigDecimal> sums = new java.util.HashMap<>();
            for (Measure measure : MEASURES) {
                sums.put(measure.column(), row.getBigDecimal(prefix + measure.column()));
            }
            BigDecimal afterDiscounts = sums.get("gross_sales").subtract(sums.get("discounts"));
            sums.put("sales_after_discounts", afterDiscounts);
            sums.put("net", afterDiscounts.add(sums.get("shipping")).add(sums.get("tips"))
                    .subtract(sums.get("refunds")).subtract(sums.get("chargebacks")));
            return new Sums(sums);
        }

        BigDecimal get(String column) {
            return byColumn.get(column);
        }
    }
}

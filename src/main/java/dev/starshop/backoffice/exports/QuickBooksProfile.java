package dev.starshop.backoffice.exports;

import dev.starshop.backoffice.exports.ExportTables.Table;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * QuickBooks Online's 3-column bank upload (Date, Description, Amount): the receivable accounts read
 * as a bank account, one line per transaction. Money in (payments, renewals) is positive; refunds and
 * chargebacks are negative. Stars lines are in the reporting currency at their locked value, or in exact
 * Stars marked UNVALUED without one ({@link StarsValue}). Dates are MM/dd/yyyy in the requested time zone.
 */
final class QuickBooksProfile {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private QuickBooksProfile() {
    }

    static Table table(ExportTables tables, ZoneId zone) {
        String sql = ExportTables.ledgerSql("AND p.account IN ('telegram_stars_receivable', 'provider_receivable')");
        return new Table("quickbooks", sql, List.of(
                Column.text("Date"), Column.text("Description"), Column.decimal("Amount")), row -> {
                    String currency = row.getString("currency");
                    StarsValue value = StarsValue.of(row, tables);
                    String username = row.getString("username");
                    String order = row.getString("order_id");
                    String description = row.getString("kind") + " " + currency + " " + row.getString("external_key")
                            + (order == null ? "" : " order " + order)
                            + (username == null ? "" : " @" + username) + value.note();
                    return new Object[] {ExportTables.localDate(row.getInstant("occurred_at"), zone, DATE),
                            description, value.amount()};
                });
    }
}

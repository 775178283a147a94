package dev.starshop.backoffice.exports;

import dev.starshop.backoffice.exports.ExportTables.Table;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Xero's sales-invoice import: one invoice per payment, renewal or paid-media transaction, one line per revenue
 * posting (items, shipping, tip) and a negative line for a promo discount, so the invoice totals
 * what was paid. The invoice is dated and due on the local day of the payment (it is
 * already paid). Stars lines carry their locked value in the reporting currency ({@link StarsValue}).
 * Account codes are the Xero demo chart's defaults; see docs/accounting.md.
 */
final class XeroProfile {

    static final Map<String, String> ACCOUNT_CODES = Map.of(
            "sales_revenue", "200", "shipping_revenue", "260", "tips_revenue", "260", "sales_discounts", "200");
    static final String TAX_TYPE = "Tax Exempt";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private XeroProfile() {
    }

    static Table table(ExportTables tables, ZoneId zone) {
        String sql = ExportTables.ledgerSql("AND t.kind IN ('PAYMENT', 'RENEWAL', 'PAID_MEDIA') AND p.account IN "
                + "('sales_revenue', 'shipping_revenue', 'tips_revenue', 'sales_discounts')");
        return new Table("xero", sql, List.of(
                Column.text("ContactName"), Column.text("InvoiceNumber"), Column.text("InvoiceDate"),
                Column.text("DueDate"), Column.text("Description"), Column.integer("Quantity"),
                Column.decimal("UnitAmount"), Column.text("AccountCode"), Column.text("TaxType"),
                Column.text("Currency")), row -> {
                    Long buyerId = row.getLongOrNull("buyer_id");
                    String username = row.getString("username");
                    String account = row.getString("account");
                    StarsValue value = StarsValue.of(row, tables);
                    String day = ExportTables.localDate(row.getInstant("occurred_at"), zone, DATE);
                    String contact = username != null ? username
                            : buyerId == null ? "Telegram buyer" : "Telegram user " + buyerId;
                    return new Object[] {contact, "SS-" + row.getLong("id"), day, day,
                            description(row.getString("kind"), account, row.getString("telegram_charge_id"),
                                    row.getString("promo_code")) + value.note(), 1L,
                            value.amount().negate(), ACCOUNT_CODES.get(account), TAX_TYPE, value.currency()};
                });
    }

    private static String description(String kind, String account, String telegramChargeId, String promoCode) {
        String what = switch (account) {
            case "shipping_revenue" -> "Shipping";
            case "tips_revenue" -> "Tip";
            case "sales_discounts" -> "Discount" + (promoCode == null ? "" : " (promo code " + promoCode + ")");
            default -> switch (kind) {
                case "RENEWAL" -> "Subscription renewal";
                case "PAID_MEDIA" -> "Paid media";
                default -> "Sale";
            };
        };
        return telegramChargeId == null ? what : what + " (Telegram charge " + telegramChargeId + ")";
    }
}

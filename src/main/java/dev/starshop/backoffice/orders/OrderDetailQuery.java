package dev.starshop.backoffice.orders;

import dev.starshop.order.Attribution;
import dev.starshop.backoffice.orders.AdminOrderViews.AttributionView;
import dev.starshop.backoffice.orders.AdminOrderViews.BuyerView;
import dev.starshop.backoffice.orders.AdminOrderViews.SourceSales;
import dev.starshop.backoffice.orders.AdminOrderViews.LedgerTransactionRef;
import dev.starshop.backoffice.orders.AdminOrderViews.LineView;
import dev.starshop.backoffice.orders.AdminOrderViews.PaymentView;
import dev.starshop.money.CurrencyTable;
import dev.starshop.order.OrderStatus;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads one order and everything recorded about it, for the admin detail view. Callers own the transaction. */
@Singleton
final class OrderDetailQuery {

    /** The reads, by name: {@code OrderQueriesContractTest} checks each against the migrated schema. */
    static final String HEADER = """
            SELECT o.id, o.status, o.currency, o.total_amount, o.charged_amount, o.created_at, o.expires_at,
                   o.updated_at, o.invoice_link, o.discount_amount, o.promo_code,
                   b.telegram_user_id, b.username, b.first_name, b.last_name
            FROM orders o JOIN buyers b ON b.telegram_user_id = o.buyer_id WHERE o.id = :id""";
    static final String LINES = """
            SELECT line_no, sku, title, kind, quantity, unit_amount, line_amount FROM order_lines
            WHERE order_id = :id ORDER BY line_no""";
    static final String PAYMENTS = """
            SELECT telegram_payment_charge_id, kind, currency, total_amount, provider_payment_charge_id,
                   shipping_amount, tip_amount, source, reference, needs_review, review_reason, occurred_at
            FROM payments WHERE order_id = :id ORDER BY occurred_at, id""";
    /** The amount is the sum of the transaction's debits (the money moved). */
    static final String LEDGER_TRANSACTIONS = """
            SELECT t.id, t.kind, t.currency, t.occurred_at, t.external_key, t.reverses_id,
                   (SELECT coalesce(sum(p.amount), 0) FROM ledger_postings p
                    WHERE p.transaction_id = t.id AND p.amount > 0) AS debits
            FROM ledger_transactions t WHERE t.order_id = :id ORDER BY t.id""";
    static final String ATTRIBUTION = """
            SELECT a.start_param, """ + Attribution.SOURCE_SQL + """
             AS source, a.campaign, a.referrer, a.product_sku, a.category
            FROM order_attributions a WHERE a.order_id = :id""";
    /** "SELECT " is a plain string: a text block drops its trailing space ("SELECTcoalesce"). */
    static final String SALES_BY_SOURCE = "SELECT " + Attribution.SOURCE_SQL + """
             AS source, o.currency, count(*) AS orders, sum(o.total_amount) AS total
            FROM orders o LEFT JOIN order_attributions a ON a.order_id = o.id
            WHERE o.status IN ('PAID', 'FULFILLED')
              AND (:from::timestamptz IS NULL OR o.created_at >= :from)
              AND (:to::timestamptz IS NULL OR o.created_at < :to)
            GROUP BY 1, o.currency ORDER BY o.currency, total DESC, source""";
    static final String OUTBOX_MESSAGES = """
            SELECT dedupe_key, status, created_at, finished_at FROM bot_outbox
            WHERE dedupe_key = ANY(:keys) ORDER BY id""";

    private final Sql sql;
    private final CurrencyTable currencies;

    OrderDetailQuery(Sql sql, CurrencyTable currencies) {
        this.sql = sql;
        this.currencies = currencies;
    }

    Optional<Header> header(UUID id) {
        return sql.one(HEADER, Params.of("id", id), this::header);
    }

    List<LineView> lines(UUID id, String currency) {
        return sql.list(LINES, Params.of("id", id),
                row -> new LineView(row.getInt("line_no"), row.getString("sku"), row.getString("title"),
                        row.getString("kind"), row.getInt("quantity"), amount(row.getLong("unit_amount"), currency),
                        amount(row.getLong("line_amount"), currency)));
    }

    List<PaymentView> payments(UUID id) {
        return sql.list(PAYMENTS, Params.of("id", id), row -> {
            String currency = row.getString("currency");
            return new PaymentView(row.getString("telegram_payment_charge_id"), row.getString("kind"),
                    amount(row.getLong("total_amount"), currency), row.getString("provider_payment_charge_id"),
                    amount(row.getLong("shipping_amount"), currency), amount(row.getLong("tip_amount"), currency),
                    row.getString("source"), row.getString("reference"), row.getBoolean("needs_review"),
                    row.getString("review_reason"), row.getInstant("occurred_at"));
        });
    }

    /** The order's ledger transactions; the amount is the sum of their debits (the money moved). */
    List<LedgerTransactionRef> ledgerTransactions(UUID id) {
        return sql.list(LEDGER_TRANSACTIONS, Params.of("id", id),
                row -> new LedgerTransactionRef(row.getLong("id"), row.getString("kind"),
                        amount(row.getLong("debits"), row.getString("currency")), row.getInstant("occurred_at"),
                        row.getString("external_key"), row.getLongOrNull("reverses_id")));
    }

    Optional<AttributionView> attribution(UUID id) {
        return sql.one(ATTRIBUTION, Params.of("id", id), row -> new AttributionView(row.getString("start_param"),
                row.getString("source"), row.getString("campaign"), row.getString("referrer"),
                row.getString("product_sku"), row.getString("category")));
    }

    /** Sales per source and currency over orders created in [from, to); either bound may be open. */
    List<SourceSales> salesBySource(@Nullable Instant from, @Nullable Instant to) {
        return sql.list(SALES_BY_SOURCE, Params.of("from", utc(from)).and("to", utc(to)), row -> new SourceSales(
                row.getString("source"), row.getString("currency"), row.getLong("orders"),
                amount(row.getLong("total"), row.getString("currency"))));
    }

    private static OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Bot messages queued under the given outbox keys, with their delivery state. */
    List<OutboxMessage> outboxMessages(List<String> dedupeKeys) {
        if (dedupeKeys.isEmpty()) {
            return List.of();
        }
        return sql.list(OUTBOX_MESSAGES, Params.of("keys", dedupeKeys.toArray(String[]::new)),
                row -> new OutboxMessage(row.getString("dedupe_key"), row.getString("status"),
                        row.getInstant("created_at"), row.getInstant("finished_at")));
    }

    private Header header(Row row) throws SQLException {
        String currency = row.getString("currency");
        Long charged = row.getLongOrNull("charged_amount");
        return new Header(row.getUuid("id"), OrderStatus.valueOf(row.getString("status")), currency,
                amount(row.getLong("total_amount"), currency), charged == null ? null : amount(charged, currency),
                row.getInstant("created_at"), row.getInstant("expires_at"), row.getInstant("updated_at"),
                row.getString("invoice_link"), OrderListQuery.buyer(row),
                amount(row.getLong("discount_amount"), currency), row.getString("promo_code"));
    }

    private AmountView amount(long minor, String currency) {
        return AmountView.of(minor, currency, currencies);
    }

    record Header(UUID id, OrderStatus status, String currency, AmountView total, @Nullable AmountView charged,
                  Instant createdAt, Instant expiresAt, Instant updatedAt, @Nullable String invoiceLink,
                  BuyerView buyer, AmountView discount, @Nullable String promoCode) {
    }

    record OutboxMessage(String dedupeKey, String status, Instant createdAt, @Nullable Instant finishedAt) {
    }
}

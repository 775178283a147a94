package dev.starshop.backoffice.orders;

import dev.starshop.backoffice.orders.AdminOrderViews.BuyerView;
import dev.starshop.backoffice.orders.AdminOrderViews.LedgerTransactionRef;
import dev.starshop.backoffice.orders.AdminOrderViews.LineView;
import dev.starshop.backoffice.orders.AdminOrderViews.PaymentView;
import dev.starshop.money.CurrencyTable;
import dev.starshop.order.OrderStatus;
import dev.starshop.platform.db.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads one order and everything recorded about it, for the admin detail view. Callers own the transaction. */
@Singleton
final class OrderDetailQuery {

    private final Sql sql;
    private final CurrencyTable currencies;

    OrderDetailQuery(Sql sql, CurrencyTable currencies) {
        this.sql = sql;
        this.currencies = currencies;
    }

    Optional<Header> header(UUID id) {
        return sql.one("""
                SELECT o.id, o.status, o.currency, o.total_amount, o.charged_amount, o.created_at, o.expires_at,
                       o.updated_at, o.invoice_link, b.telegram_user_id, b.username, b.first_name, b.last_name
                FROM orders o JOIN buyers b ON b.telegram_user_id = o.buyer_id WHERE o.id = ?""",
                s -> s.setObject(1, id), this::header);
    }

    List<LineView> lines(UUID id, String currency) {
        return sql.list("SELECT line_no, sku, title, kind, quantity, unit_amount, line_amount FROM order_lines "
                        + "WHERE order_id = ? ORDER BY line_no", s -> s.setObject(1, id),
                row -> new LineView(row.getInt(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getInt(5), amount(row.getLong(6), currency), amount(row.getLong(7), currency)));
    }

    List<PaymentView> payments(UUID id) {
        return sql.list("""
                SELECT telegram_payment_charge_id, kind, currency, total_amount, provider_payment_charge_id,
                       shipping_amount, tip_amount, source, reference, needs_review, review_reason, occurred_at
                FROM payments WHERE order_id = ? ORDER BY occurred_at, id""", s -> s.setObject(1, id), row -> {
                    String currency = row.getString(3).trim();
                    return new PaymentView(row.getString(1), row.getString(2), amount(row.getLong(4), currency),
                            row.getString(5), amount(row.getLong(6), currency), amount(row.getLong(7), currency),
                            row.getString(8), row.getString(9), row.getBoolean(10), row.getString(11),
                            instant(row, 12));
                });
    }

    /** The order's ledger transactions; the amount is the sum of their debits (the money moved). */
    List<LedgerTransactionRef> ledgerTransactions(UUID id) {
        return sql.list("""
                SELECT t.id, t.kind, t.currency, t.occurred_at, t.external_key, t.reverses_id,
                       (SELECT coalesce(sum(p.amount), 0) FROM ledger_postings p
                        WHERE p.transaction_id = t.id AND p.amount > 0)
                FROM ledger_transactions t WHERE t.order_id = ? ORDER BY t.id""", s -> s.setObject(1, id),
                row -> new LedgerTransactionRef(row.getLong(1), row.getString(2),
                        amount(row.getLong(7), row.getString(3).trim()), instant(row, 4), row.getString(5),
                        row.getObject(6, Long.class)));
    }

    /** Bot messages queued under the given outbox keys, with their delivery state. */
    List<OutboxMessage> outboxMessages(List<String> dedupeKeys) {
        if (dedupeKeys.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT dedupe_key, status, created_at, finished_at FROM bot_outbox "
                        + "WHERE dedupe_key = ANY(?) ORDER BY id",
                s -> s.setArray(1, s.getConnection().createArrayOf("text", dedupeKeys.toArray())),
                row -> new OutboxMessage(row.getString(1), row.getString(2), instant(row, 3),
                        row.getObject(4) == null ? null : instant(row, 4)));
    }

    private Header header(ResultSet row) throws SQLException {
        String currency = row.getString(3).trim();
        Long charged = row.getObject(5, Long.class);
        return new Header(row.getObject(1, UUID.class), OrderStatus.valueOf(row.getString(2)), currency,
                amount(row.getLong(4), currency), charged == null ? null : amount(charged, currency),
                instant(row, 6), instant(row, 7), instant(row, 8), row.getString(9), OrderListQuery.buyer(row, 10));
    }

    private AmountView amount(long minor, String currency) {
        return AmountView.of(minor, currency, currencies);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    record Header(UUID id, OrderStatus status, String currency, AmountView total, @Nullable AmountView charged,
                  Instant createdAt, Instant expiresAt, Instant updatedAt, @Nullable String invoiceLink,
                  BuyerView buyer) {
    }

    record OutboxMessage(String dedupeKey, String status, Instant createdAt, @Nullable Instant finishedAt) {
    }
}

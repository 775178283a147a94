package dev.starshop.checkout;

import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The payments table. Callers own the transaction. */
@Singleton
class PaymentRepository {

    private static final String COLUMNS = "telegram_payment_charge_id, kind, order_id, buyer_id, currency, "
            + "total_amount, provider_payment_charge_id, invoice_payload, shipping_option_id, shipping_amount, "
            + "tip_amount, order_info::text, subscription_expires_at, source, reference, review_reason, occurred_at";

    private final Sql sql;

    PaymentRepository(Sql sql) {
        this.sql = sql;
    }

    /** Stores the payment unless this charge id and kind are already on file; false for a duplicate. */
    boolean insertIfNew(PaymentRecord p, Instant recordedAt) {
        return sql.update("INSERT INTO payments (" + COLUMNS.replace("::text", "") + ", needs_review, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (telegram_payment_charge_id, kind) DO NOTHING", s -> {
                    s.setString(1, p.chargeId());
                    s.setString(2, p.kind().name());
                    s.setObject(3, p.orderId());
                    s.setObject(4, p.buyerId(), Types.BIGINT);
                    s.setString(5, p.currency());
                    s.setLong(6, p.totalAmount());
                    s.setString(7, p.providerChargeId());
                    s.setString(8, p.invoicePayload());
                    s.setString(9, p.shippingOptionId());
                    s.setLong(10, p.shippingAmount());
                    s.setLong(11, p.tipAmount());
                    s.setString(12, p.orderInfoJson());
                    s.setTimestamp(13, p.subscriptionExpiresAt() == null ? null
                            : Timestamp.from(p.subscriptionExpiresAt()));
                    s.setString(14, p.source());
                    s.setString(15, p.reference());
                    s.setString(16, p.reviewReason());
                    s.setTimestamp(17, Timestamp.from(p.occurredAt()));
                    s.setBoolean(18, p.needsReview());
                    s.setTimestamp(19, Timestamp.from(recordedAt));
                }) == 1;
    }

    Optional<PaymentRecord> find(String chargeId, PaymentKind kind) {
        return sql.one("SELECT " + COLUMNS + " FROM payments WHERE telegram_payment_charge_id = ? AND kind = ?",
                s -> {
                    s.setString(1, chargeId);
                    s.setString(2, kind.name());
                }, PaymentRepository::read);
    }

    List<PaymentRecord> forOrder(UUID orderId) {
        return sql.list("SELECT " + COLUMNS + " FROM payments WHERE order_id = ? ORDER BY id",
                s -> s.setObject(1, orderId), PaymentRepository::read);
    }

    private static PaymentRecord read(ResultSet row) throws SQLException {
        Timestamp expires = row.getTimestamp(13);
        return new PaymentRecord(row.getString(1), PaymentKind.valueOf(row.getString(2)),
                row.getObject(3, UUID.class), row.getObject(4, Long.class), row.getString(5).trim(), row.getLong(6),
                row.getString(7), row.getString(8), row.getString(9), row.getLong(10), row.getLong(11),
                row.getString(12), expires == null ? null : expires.toInstant(), row.getString(14),
                row.getString(15), row.getString(16), row.getTimestamp(17).toInstant());
    }
}

package dev.starshop.checkout;

import dev.starshop.money.Currency;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
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
            + "tip_amount, order_info::text AS order_info, subscription_expires_at, source, reference, review_reason, "
            + "occurred_at";

    private final Sql sql;
    private final CurrencyTable currencies;

    PaymentRepository(Sql sql, CurrencyTable currencies) {
        this.sql = sql;
        this.currencies = currencies;
    }

    /** Stores the payment unless this charge id and kind are already on file; false for a duplicate. */
    boolean insertIfNew(PaymentRecord p, Instant recordedAt) {
        return sql.update("INSERT INTO payments (" + COLUMNS.replace("::text AS order_info", "")
                + ", needs_review, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (telegram_payment_charge_id, kind) DO NOTHING", s -> {
                    s.setString(1, p.chargeId());
                    s.setString(2, p.kind().name());
                    s.setObject(3, p.orderId());
                    s.setObject(4, p.buyerId(), Types.BIGINT);
                    s.setString(5, p.total().currency().code());
                    s.setLong(6, p.total().amount());
                    s.setString(7, p.providerChargeId());
                    s.setString(8, p.invoicePayload());
                    s.setString(9, p.split().shippingOptionId());
                    s.setLong(10, p.split().shipping().amount());
                    s.setLong(11, p.split().tip().amount());
                    s.setString(12, p.orderInfoJson());
                    s.setTimestamp(13, p.subscriptionExpiresAt() == null ? null
                            : Timestamp.from(p.subscriptionExpiresAt()));
                    s.setString(14, p.source().name());
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
                }, this::read);
    }

    /** The payment or renewal of this charge id (one charge id is never both). */
    Optional<PaymentRecord> charge(String chargeId) {
        return find(chargeId, PaymentKind.PAYMENT).or(() -> find(chargeId, PaymentKind.RENEWAL));
    }

    List<PaymentRecord> forOrder(UUID orderId) {
        return sql.list("SELECT " + COLUMNS + " FROM payments WHERE order_id = ? ORDER BY id",
                s -> s.setObject(1, orderId), this::read);
    }

    private PaymentRecord read(ResultSet row) throws SQLException {
        String code = row.getString("currency").trim();
        Currency currency = currencies.find(code)
                .orElseThrow(() -> new IllegalStateException("A payments row in unknown currency " + code));
        Timestamp expires = row.getTimestamp("subscription_expires_at");
        return new PaymentRecord(row.getString("telegram_payment_charge_id"),
                PaymentKind.valueOf(row.getString("kind")), PaymentSource.valueOf(row.getString("source")),
                new Money(row.getLong("total_amount"), currency),
                new PaymentRecord.Parties(row.getObject("order_id", UUID.class), row.getObject("buyer_id", Long.class),
                        row.getString("provider_payment_charge_id"), row.getString("invoice_payload")),
                new PaymentRecord.CardSplit(row.getString("shipping_option_id"),
                        new Money(row.getLong("shipping_amount"), currency), new Money(row.getLong("tip_amount"), currency)),
                expires == null ? null : expires.toInstant(), row.getString("order_info"), row.getString("reference"),
                row.getString("review_reason"), row.getTimestamp("occurred_at").toInstant());
    }
}

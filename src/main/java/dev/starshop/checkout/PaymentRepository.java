package dev.starshop.checkout;

import dev.starshop.money.Currency;
import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.SQLException;
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

    private static final String INSERT = """
            INSERT INTO payments (telegram_payment_charge_id, kind, order_id, buyer_id, currency, total_amount,
                                  provider_payment_charge_id, invoice_payload, shipping_option_id, shipping_amount,
                                  tip_amount, order_info, subscription_expires_at, source, reference, review_reason,
                                  occurred_at, needs_review, recorded_at)
            VALUES (:chargeId, :kind, :orderId, :buyerId, :currency, :totalAmount,
                    :providerChargeId, :invoicePayload, :shippingOptionId, :shippingAmount,
                    :tipAmount, :orderInfo::jsonb, :subscriptionExpiresAt, :source, :reference, :reviewReason,
                    :occurredAt, :needsReview, :recordedAt)
            ON CONFLICT (telegram_payment_charge_id, kind) DO NOTHING""";

    private static final String BY_CHARGE = "SELECT " + COLUMNS
            + " FROM payments WHERE telegram_payment_charge_id = :chargeId AND kind = :kind";

    private static final String FOR_ORDER = "SELECT " + COLUMNS + " FROM payments WHERE order_id = :orderId ORDER BY id";

    private final Sql sql;
    private final CurrencyTable currencies;

    PaymentRepository(Sql sql, CurrencyTable currencies) {
        this.sql = sql;
        this.currencies = currencies;
    }

    /** Stores the payment unless this charge id and kind are already on file; false for a duplicate. */
    boolean insertIfNew(PaymentRecord p, Instant recordedAt) {
        return sql.update(INSERT, Params.of("chargeId", p.chargeId()).and("kind", p.kind())
                .and("orderId", p.orderId()).and("buyerId", p.buyerId())
                .and("currency", p.total().currency().code()).and("totalAmount", p.total().amount())
                .and("providerChargeId", p.providerChargeId()).and("invoicePayload", p.invoicePayload())
                .and("shippingOptionId", p.split().shippingOptionId())
                .and("shippingAmount", p.split().shipping().amount()).and("tipAmount", p.split().tip().amount())
                .and("orderInfo", p.orderInfoJson()).and("subscriptionExpiresAt", p.subscriptionExpiresAt())
                .and("source", p.source()).and("reference", p.reference()).and("reviewReason", p.reviewReason())
                .and("occurredAt", p.occurredAt()).and("needsReview", p.needsReview())
                .and("recordedAt", recordedAt)) == 1;
    }

    Optional<PaymentRecord> find(String chargeId, PaymentKind kind) {
        return sql.one(BY_CHARGE, Params.of("chargeId", chargeId).and("kind", kind), this::read);
    }

    /** The payment or renewal of this charge id (one charge id is never both). */
    Optional<PaymentRecord> charge(String chargeId) {
        return find(chargeId, PaymentKind.PAYMENT).or(() -> find(chargeId, PaymentKind.RENEWAL));
    }

    List<PaymentRecord> forOrder(UUID orderId) {
        return sql.list(FOR_ORDER, Params.of("orderId", orderId), this::read);
    }

    private PaymentRecord read(Row row) throws SQLException {
        String code = row.getString("currency");
        Currency currency = currencies.find(code)
                .orElseThrow(() -> new IllegalStateException("A payments row in unknown currency " + code));
        return new PaymentRecord(row.getString("telegram_payment_charge_id"),
                PaymentKind.valueOf(row.getString("kind")), PaymentSource.valueOf(row.getString("source")),
                new Money(row.getLong("total_amount"), currency),
                new PaymentRecord.Parties(row.getUuid("order_id"), row.getLongOrNull("buyer_id"),
                        row.getString("provider_payment_charge_id"), row.getString("invoice_payload")),
                new PaymentRecord.CardSplit(row.getString("shipping_option_id"),
                        new Money(row.getLong("shipping_amount"), currency), new Money(row.getLong("tip_amount"), currency)),
                row.getInstant("subscription_expires_at"), row.getString("order_info"), row.getString("reference"),
                row.getString("review_reason"), row.getInstant("occurred_at"));
    }
}

package dev.starshop.checkout;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The subscriptions table. Callers own the transaction. */
@Singleton
class SubscriptionRepository {

    private static final String SELECT =
            "SELECT id, buyer_id, first_order_id, telegram_payment_charge_id, currency, amount, expires_at, cancelled "
                    + "FROM subscriptions ";

    private static final String INSERT = """
            INSERT INTO subscriptions (id, buyer_id, first_order_id, telegram_payment_charge_id, currency, amount,
                                       expires_at, cancelled, created_at, updated_at)
            VALUES (:id, :buyerId, :firstOrderId, :chargeId, :currency, :amount,
                    :expiresAt, :cancelled, :now, :now)
            ON CONFLICT (telegram_payment_charge_id) DO NOTHING""";

    private static final String BY_FIRST_ORDER = SELECT + "WHERE first_order_id = :orderId";
    private static final String BY_ID = SELECT + "WHERE id = :id";
    private static final String FOR_BUYER = SELECT + "WHERE buyer_id = :buyerId ORDER BY created_at DESC";
    private static final String ALL = SELECT + "ORDER BY created_at DESC LIMIT :limit";

    private final Sql sql;

    SubscriptionRepository(Sql sql) {
        this.sql = sql;
    }

    void insert(Subscription s, Instant now) {
        sql.update(INSERT, Params.of("id", s.id()).and("buyerId", s.buyerId()).and("firstOrderId", s.firstOrderId())
                .and("chargeId", s.firstChargeId()).and("currency", s.currency()).and("amount", s.amount())
                .and("expiresAt", s.expiresAt()).and("cancelled", s.cancelled()).and("now", now));
    }

    Optional<Subscription> byFirstOrder(UUID orderId) {
        return sql.one(BY_FIRST_ORDER, Params.of("orderId", orderId), SubscriptionRepository::read);
    }

    Optional<Subscription> byId(UUID id) {
        return sql.one(BY_ID, Params.of("id", id), SubscriptionRepository::read);
    }

    List<Subscription> forBuyer(long buyerId) {
        return sql.list(FOR_BUYER, Params.of("buyerId", buyerId), SubscriptionRepository::read);
    }

    List<Subscription> all(int limit) {
        return sql.list(ALL, Params.of("limit", limit), SubscriptionRepository::read);
    }

    /** Moves the expiry forward only: a late, older renewal never shortens it. */
    void extend(UUID id, Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return;
        }
        sql.update("UPDATE subscriptions SET expires_at = GREATEST(expires_at, :expiresAt), updated_at = :now, "
                        + "expiry_published_at = CASE WHEN :expiresAt > expires_at THEN NULL ELSE expiry_published_at END "
                        + "WHERE id = :id",
                Params.of("expiresAt", expiresAt).and("now", now).and("id", id));
    }

    /** Subscriptions whose paid period ended and whose lapse is not announced yet; marks them announced. */
    List<Subscription> takeLapsed(Instant now, int limit) {
        return sql.list("""
                UPDATE subscriptions SET expiry_published_at = :now
                WHERE id IN (SELECT id FROM subscriptions WHERE expiry_published_at IS NULL AND expires_at <= :now
                             ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, buyer_id, first_order_id, telegram_payment_charge_id, currency, amount, expires_at,
                          cancelled""", Params.of("now", now).and("limit", limit), SubscriptionRepository::read);
    }

    void setCancelled(UUID id, boolean cancelled, Instant now) {
        sql.update("UPDATE subscriptions SET cancelled = :cancelled, updated_at = :now WHERE id = :id",
                Params.of("cancelled", cancelled).and("now", now).and("id", id));
    }

    private static Subscription read(Row row) throws SQLException {
        return new Subscription(row.getUuid("id"), row.getLong("buyer_id"), row.getUuid("first_order_id"),
                row.getString("telegram_payment_charge_id"), row.getString("currency"), row.getLong("amount"),
                row.getInstant("expires_at"), row.getBoolean("cancelled"));
    }
}

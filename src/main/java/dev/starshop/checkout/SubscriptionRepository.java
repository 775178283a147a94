package dev.starshop.checkout;

import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The subscriptions table. Callers own the transaction. */
@Singleton
class SubscriptionRepository {

    private static final String COLUMNS =
            "id, buyer_id, first_order_id, telegram_payment_charge_id, currency, amount, expires_at, cancelled";

    private final Sql sql;

    SubscriptionRepository(Sql sql) {
        this.sql = sql;
    }

    void insert(Subscription s, Instant now) {
        sql.update("INSERT INTO subscriptions (" + COLUMNS + ", created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (telegram_payment_charge_id) DO NOTHING", st -> {
                    st.setObject(1, s.id());
                    st.setLong(2, s.buyerId());
                    st.setObject(3, s.firstOrderId());
                    st.setString(4, s.firstChargeId());
                    st.setString(5, s.currency());
                    st.setLong(6, s.amount());
                    st.setTimestamp(7, Timestamp.from(s.expiresAt()));
                    st.setBoolean(8, s.cancelled());
                    st.setTimestamp(9, Timestamp.from(now));
                    st.setTimestamp(10, Timestamp.from(now));
                });
    }

    Optional<Subscription> byFirstOrder(UUID orderId) {
        return sql.one("SELECT " + COLUMNS + " FROM subscriptions WHERE first_order_id = ?",
                s -> s.setObject(1, orderId), SubscriptionRepository::read);
    }

    Optional<Subscription> byId(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?", s -> s.setObject(1, id),
                SubscriptionRepository::read);
    }

    List<Subscription> forBuyer(long buyerId) {
        return sql.list("SELECT " + COLUMNS + " FROM subscriptions WHERE buyer_id = ? ORDER BY created_at DESC",
                s -> s.setLong(1, buyerId), SubscriptionRepository::read);
    }

    List<Subscription> all(int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM subscriptions ORDER BY created_at DESC LIMIT ?",
                s -> s.setInt(1, limit), SubscriptionRepository::read);
    }

    /** Moves the expiry forward only: a late, older renewal never shortens it. */
    void extend(UUID id, Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return;
        }
        sql.update("UPDATE subscriptions SET expires_at = GREATEST(expires_at, ?), updated_at = ? WHERE id = ?", s -> {
            s.setTimestamp(1, Timestamp.from(expiresAt));
            s.setTimestamp(2, Timestamp.from(now));
            s.setObject(3, id);
        });
    }

    void setCancelled(UUID id, boolean cancelled, Instant now) {
        sql.update("UPDATE subscriptions SET cancelled = ?, updated_at = ? WHERE id = ?", s -> {
            s.setBoolean(1, cancelled);
            s.setTimestamp(2, Timestamp.from(now));
            s.setObject(3, id);
        });
    }

    private static Subscription read(ResultSet row) throws SQLException {
        return new Subscription(row.getObject(1, UUID.class), row.getLong(2), row.getObject(3, UUID.class),
                row.getString(4), row.getString(5).trim(), row.getLong(6), row.getTimestamp(7).toInstant(),
                row.getBoolean(8));
    }
}

package dev.starshop.fulfilment;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The shipment steps of physical orders, in {@code shipment_steps} (migration V15). Callers own the
 * transaction; {@link #latest} is what My purchases shows for a physical line.
 */
@Singleton
public class Shipments {

    /** The latest step of each order, with the carrier and tracking of its SHIPPED step once set. */
    static final String LATEST = """
            SELECT DISTINCT ON (s.order_id) s.order_id, s.step, s.at,
                   shipped.carrier, shipped.tracking_number, shipped.tracking_url
            FROM shipment_steps s
            LEFT JOIN shipment_steps shipped ON shipped.order_id = s.order_id AND shipped.step = 'SHIPPED'
            WHERE s.order_id = ANY(:orderIds)
            ORDER BY s.order_id, array_position(ARRAY['PACKED', 'SHIPPED', 'DELIVERED'], s.step) DESC""";

    private final Sql sql;

    Shipments(Sql sql) {
        this.sql = sql;
    }

    /** The steps set on the order, in the order they were set. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    List<ShipmentStatus> steps(UUID orderId) {
        return sql.list("""
                SELECT step, carrier, tracking_number, tracking_url, at FROM shipment_steps
                WHERE order_id = :orderId
                ORDER BY array_position(ARRAY['PACKED', 'SHIPPED', 'DELIVERED'], step)""",
                Params.of("orderId", orderId), Shipments::status);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    /** Whether the order's goods reached the buyer (its DELIVERED step is written). */
    boolean delivered(UUID orderId) {
        return steps(orderId).stream().anyMatch(done -> done.step() == ShipmentStep.DELIVERED);
    }

    void insert(UUID orderId, ShipmentMark mark, Instant at) {
        sql.update("""
                INSERT INTO shipment_steps (order_id, step, carrier, tracking_number, tracking_url, at)
                VALUES (:orderId, :step, :carrier, :trackingNumber, :trackingUrl, :at)""",
                Params.of("orderId", orderId).and("step", mark.step().name()).and("carrier", mark.carrier())
                        .and("trackingNumber", mark.trackingNumber()).and("trackingUrl", mark.trackingUrl())
                        .and("at", at));
    }

    /**
     * For My purchases: each given order's latest step, carrying the SHIPPED step's carrier and
     * tracking (so a DELIVERED order still shows how it travelled). Orders without a step are absent.
     * Runs in the caller's transaction, or its own read-only one.
     */
    @Transactional(readOnly = true)
    public Map<UUID, ShipmentStatus> latest(Collection<UUID> orderIds) {
        Map<UUID, ShipmentStatus> latest = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return latest;
        }
        sql.list(LATEST, Params.of("orderIds", orderIds.toArray(UUID[]::new)),
                row -> Map.entry(row.getUuid("order_id"), status(row)))
                .forEach(entry -> latest.put(entry.getKey(), entry.getValue()));
        return latest;
    }

    /** The buyer's Telegram language (refreshed with each order they place), for their messages. */
    @Nullable
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    String buyerLanguage(long buyerId) {
        return sql.one("SELECT coalesce(language_code, '') AS language_code FROM buyers "
                        + "WHERE telegram_user_id = :buyerId",
                Params.of("buyerId", buyerId), row -> row.getString("language_code")).orElse(null);
    }

    private static ShipmentStatus status(Row row) throws SQLException {
        return new ShipmentStatus(ShipmentStep.valueOf(row.getString("step")), row.getString("carrier"),
                row.getString("tracking_number"), row.getString("tracking_url"), row.getInstant("at"));
    }
}

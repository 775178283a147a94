package dev.starshop.events;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The event_deliveries table (V20): the event outbox. */
@Singleton
class DeliveryRepository {

    private static final String COLUMNS = """
            d.id, d.event_id, d.endpoint_id, e.url, d.type, d.body, d.status, d.attempts, d.next_attempt_at,
            d.retry_until, d.last_status, d.last_error, d.created_at, d.delivered_at""";

    /**
     * Due rows, oldest first, skipping a row while an older PENDING row of the same order waits on
     * the same endpoint (so an order's events arrive in order). Claiming pushes next_attempt_at out
     * by the lease: a crash mid-call leaves the row PENDING and it is sent again after the lease.
     */
    private static final String CLAIM = """
            UPDATE event_deliveries SET attempts = attempts + 1, next_attempt_at = :leaseEnd
            WHERE id IN (
                SELECT d.id FROM event_deliveries d
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                  AND (d.ordering_key IS NULL OR NOT EXISTS (
                        SELECT 1 FROM event_deliveries earlier
                        WHERE earlier.endpoint_id = d.endpoint_id AND earlier.ordering_key = d.ordering_key
                          AND earlier.status = 'PENDING' AND earlier.id < d.id))
                ORDER BY d.id LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING id""";

    private final Sql sql;

    DeliveryRepository(Sql sql) {
        this.sql = sql;
    }

    /** Many rows in one statement, in the order given (ids in that order: an order's events stay in order). */
    void insertAll(List<NewDelivery> rows) {
        sql.update("""
                INSERT INTO event_deliveries (event_id, endpoint_id, type, ordering_key, body, next_attempt_at,
                                              retry_until, created_at)
                SELECT d.event_id, d.endpoint_id, d.type, d.ordering_key, d.body, d.created_at::timestamptz,
                       d.retry_until::timestamptz, d.created_at::timestamptz
                FROM unnest(:eventIds::uuid[], :endpointIds::bigint[], :types::text[], :orderingKeys::text[],
                            :bodies::text[], :createdAt::text[], :retryUntil::text[])
                     WITH ORDINALITY AS d(event_id, endpoint_id, type, ordering_key, body, created_at, retry_until, n)
                ORDER BY d.n
                ON CONFLICT (event_id, endpoint_id) DO NOTHING""",
                Params.of("eventIds", rows.stream().map(NewDelivery::eventId).toArray(UUID[]::new))
                        .and("endpointIds", rows.stream().map(NewDelivery::endpointId).toArray(Long[]::new))
                        .and("types", rows.stream().map(NewDelivery::type).toArray(String[]::new))
                        .and("orderingKeys", rows.stream().map(NewDelivery::orderingKey).toArray(String[]::new))
                        .and("bodies", rows.stream().map(NewDelivery::body).toArray(String[]::new))
                        .and("createdAt", rows.stream().map(d -> d.now().toString()).toArray(String[]::new))
                        .and("retryUntil", rows.stream().map(d -> d.retryUntil().toString()).toArray(String[]::new)));
    }

    /** A delivery row for {@link #insertAll}. */
    record NewDelivery(UUID eventId, long endpointId, String type, @Nullable String orderingKey, String body,
                       Instant now, Instant retryUntil) {
    }

    void insert(UUID eventId, long endpointId, String type, @Nullable String orderingKey, String body,
                Instant now, Instant retryUntil) {
        sql.update("""
                INSERT INTO event_deliveries (event_id, endpoint_id, type, ordering_key, body, next_attempt_at,
                                              retry_until, created_at)
                VALUES (:eventId, :endpointId, :type, :orderingKey, :body, :now, :retryUntil, :now)
                ON CONFLICT (event_id, endpoint_id) DO NOTHING""",
                Params.of("eventId", eventId).and("endpointId", endpointId).and("type", type)
                        .and("orderingKey", orderingKey).and("body", body).and("now", now)
                        .and("retryUntil", retryUntil));
    }

    /** Claims due rows (see {@link #CLAIM}) and returns them with their endpoints, in id order. */
    List<Delivery> claimDue(Instant now, Instant leaseEnd, int limit) {
        List<Long> ids = sql.list(CLAIM, Params.of("now", now).and("leaseEnd", leaseEnd).and("limit", limit),
                row -> row.getLong("id"));
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT " + COLUMNS + " FROM event_deliveries d JOIN event_endpoints e ON e.id = d.endpoint_id "
                + "WHERE d.id = ANY(:ids) ORDER BY d.id", Params.of("ids", ids.toArray(Long[]::new)),
                DeliveryRepository::delivery);
    }

    /** The endpoint's secret for a claimed row, read when signing so a rotated secret applies at once. */
    String secretOf(long endpointId) {
        return sql.one("SELECT secret FROM event_endpoints WHERE id = :id", Params.of("id", endpointId),
                row -> row.getString("secret")).orElseThrow();
    }

    /** Outcomes change the row only under the claim that made the call (same attempts). */
    boolean delivered(Delivery d, int status, Instant now) {
        return sql.update("UPDATE event_deliveries SET status = 'DELIVERED', delivered_at = :now, last_status = :status, "
                + "last_error = NULL WHERE id = :id AND attempts = :attempts AND status = 'PENDING'",
                Params.of("now", now).and("status", status).and("id", d.id()).and("attempts", d.attempts())) == 1;
    }

    boolean retryAt(Delivery d, Instant next, @Nullable Integer status, String error) {
        return sql.update("UPDATE event_deliveries SET next_attempt_at = :next, last_status = :status::int, "
                + "last_error = :error WHERE id = :id AND attempts = :attempts AND status = 'PENDING'",
                Params.of("next", next).and("status", status).and("error", error).and("id", d.id())
                        .and("attempts", d.attempts())) == 1;
    }

    boolean failed(Delivery d, @Nullable Integer status, String error) {
        return sql.update("UPDATE event_deliveries SET status = 'FAILED', last_status = :status::int, "
                + "last_error = :error WHERE id = :id AND attempts = :attempts AND status = 'PENDING'",
                Params.of("status", status).and("error", error).and("id", d.id())
                        .and("attempts", d.attempts())) == 1;
    }

    /** Sends the row again now, with a fresh retry window; returns false for an unknown id. */
    boolean resend(long id, Instant now, Instant retryUntil) {
        return sql.update("UPDATE event_deliveries SET status = 'PENDING', next_attempt_at = :now, "
                + "retry_until = :retryUntil, delivered_at = NULL WHERE id = :id",
                Params.of("now", now).and("retryUntil", retryUntil).and("id", id)) == 1;
    }

    Optional<Delivery> find(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM event_deliveries d JOIN event_endpoints e ON e.id = d.endpoint_id "
                + "WHERE d.id = :id", Params.of("id", id), DeliveryRepository::delivery);
    }

    Optional<Delivery> byEvent(UUID eventId, long endpointId) {
        return sql.one("SELECT " + COLUMNS + " FROM event_deliveries d JOIN event_endpoints e ON e.id = d.endpoint_id "
                + "WHERE d.event_id = :eventId AND d.endpoint_id = :endpointId",
                Params.of("eventId", eventId).and("endpointId", endpointId), DeliveryRepository::delivery);
    }

    /** The newest rows first, optionally of one status and one endpoint. */
    List<Delivery> recent(@Nullable String status, @Nullable Long endpointId, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM event_deliveries d JOIN event_endpoints e ON e.id = d.endpoint_id "
                + "WHERE (:status::text IS NULL OR d.status = :status) "
                + "AND (:endpointId::bigint IS NULL OR d.endpoint_id = :endpointId) ORDER BY d.id DESC LIMIT :limit",
                Params.of("status", status).and("endpointId", endpointId).and("limit", limit),
                DeliveryRepository::delivery);
    }

    private static Delivery delivery(Row row) throws SQLException {
        return new Delivery(row.getLong("id"), row.getUuid("event_id"), row.getLong("endpoint_id"),
                row.getString("url"), row.getString("type"), row.getString("body"),
                Delivery.Status.valueOf(row.getString("status")), row.getInt("attempts"),
                row.getInstant("next_attempt_at"), row.getInstant("retry_until"), row.getIntOrNull("last_status"),
                row.getString("last_error"), row.getInstant("created_at"), row.getInstant("delivered_at"));
    }
}

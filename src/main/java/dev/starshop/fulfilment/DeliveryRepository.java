package dev.starshop.fulfilment;

import dev.starshop.catalog.DeliveryKind;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code deliveries} table (V14). Callers own the transaction. A claim settles once: the
 * settling statements change a row only while it is still SENDING under that claim (same attempts).
 */
@Singleton
class DeliveryRepository {

    private static final String SETTLING = " WHERE id = :id AND status = 'SENDING' AND attempts = :attempts";

    private final Sql sql;

    DeliveryRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * What each product delivers, for the products of an order. An order of one product (the usual
     * case) reads it by key: {@code id = ANY(:ids)} is planned again on every call where the products
     * table has no statistics yet (a small catalog that autovacuum never analyzed: PostgreSQL's
     * generic plan assumes ten elements and loses to a custom plan for one), while {@code id = :id}
     * keeps one generic plan (docs/performance.md, section 1).
     */
    Map<Long, DeliveryKind> deliveryKinds(List<Long> productIds) {
        List<Long> distinct = productIds.stream().distinct().toList();
        List<Map.Entry<Long, DeliveryKind>> kinds = distinct.size() == 1
                ? sql.list("SELECT id, delivery_kind FROM products WHERE id = :id",
                        Params.of("id", distinct.get(0)), DeliveryRepository::kindOf)
                : sql.list("SELECT id, delivery_kind FROM products WHERE id = ANY(:ids)",
                        Params.of("ids", distinct.toArray(Long[]::new)), DeliveryRepository::kindOf);
        return kinds.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map.Entry<Long, DeliveryKind> kindOf(Row row) throws SQLException {
        return Map.entry(row.getLong("id"), DeliveryKind.valueOf(row.getString("delivery_kind")));
    }

    /** One unit's delivery; a unit that has one already keeps it (returns false). */
    /** The new row's id, or empty when the unit already has its delivery (a redelivered payment). */
    Optional<Long> insert(NewDelivery delivery, Instant now) {
        return sql.one("""
                INSERT INTO deliveries (order_id, line_no, line_unit, product_id, kind, code_id, chat_id, status,
                                        last_error, next_attempt_at, created_at, updated_at)
                VALUES (:orderId, :lineNo, :lineUnit, :productId, :kind, :codeId, :chatId, :status,
                        :error, :now, :now, :now)
                ON CONFLICT (order_id, line_unit) DO NOTHING
                RETURNING id""",
                Params.of("orderId", delivery.orderId()).and("lineNo", delivery.lineNo())
                        .and("lineUnit", delivery.lineUnit()).and("productId", delivery.productId())
                        .and("kind", delivery.kind()).and("codeId", delivery.codeId())
                        .and("chatId", delivery.chatId()).and("status", delivery.status())
                        .and("error", delivery.error()).and("now", now), row -> row.getLong("id"));
    }

    /**
     * Claims the next due delivery: PENDING and due, or SENDING past its lease (its sender died
     * mid-call). Other senders skip the row while this transaction holds it, and once it commits
     * the row is SENDING under a new lease, so no two senders ever hold the same claim.
     */
    Optional<Claim> claimNext(Instant now, Instant leaseUntil) {
        return sql.one("""
                UPDATE deliveries SET status = 'SENDING', attempts = attempts + 1, lease_until = :leaseUntil,
                                      updated_at = :now
                WHERE id = (SELECT id FROM deliveries
                            WHERE (status = 'PENDING' AND next_attempt_at <= :now)
                               OR (status = 'SENDING' AND lease_until <= :now)
                            ORDER BY next_attempt_at, id LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                RETURNING id, order_id, line_unit, kind, code_id, attempts""",
                Params.of("now", now).and("leaseUntil", leaseUntil),
                row -> new Claim(row.getLong("id"), row.getUuid("order_id"), row.getInt("line_unit"),
                        DeliveryKind.valueOf(row.getString("kind")), row.getLongOrNull("code_id"),
                        row.getInt("attempts")));
    }

    void attachCode(long deliveryId, long codeId) {
        sql.update("UPDATE deliveries SET code_id = :codeId WHERE id = :id",
                Params.of("codeId", codeId).and("id", deliveryId));
    }

    /** Everything one send needs, read after the claim. Holds the code in clear: never log it. */
    Optional<DeliveryJob> job(Claim claim) {
        return sql.one("""
                SELECT d.id, d.order_id, d.kind, d.chat_id, d.product_id, l.sku, l.title, l.quantity,
                       p.delivery_text, p.delivery_protect_content, b.first_name, c.code,
                       f.file_name, f.content_type, f.sha256, f.telegram_file_id
                FROM deliveries d
                JOIN order_lines l ON l.order_id = d.order_id AND l.line_no = d.line_no
                JOIN products p ON p.id = d.product_id
                JOIN orders o ON o.id = d.order_id
                JOIN buyers b ON b.telegram_user_id = o.buyer_id
                LEFT JOIN product_codes c ON c.id = d.code_id
                LEFT JOIN product_files f ON f.product_id = d.product_id
                WHERE d.id = :id""", Params.of("id", claim.id()), row -> job(row, claim));
    }

    boolean markSent(Claim claim, long messageId, Instant now) {
        return sql.update("UPDATE deliveries SET status = 'SENT', lease_until = NULL, sent_at = :now, "
                + "telegram_message_id = :messageId, last_error = NULL, updated_at = :now" + SETTLING,
                Params.of("now", now).and("messageId", messageId).and("id", claim.id())
                        .and("attempts", claim.attempts())) == 1;
    }

    boolean retryAt(Claim claim, Instant next, String error, Instant now) {
        return sql.update("UPDATE deliveries SET status = 'PENDING', lease_until = NULL, next_attempt_at = :next, "
                + "last_error = :error, updated_at = :now" + SETTLING,
                Params.of("next", next).and("error", error).and("now", now).and("id", claim.id())
                        .and("attempts", claim.attempts())) == 1;
    }

    boolean fail(Claim claim, String error, Instant now) {
        return sql.update("UPDATE deliveries SET status = 'FAILED', lease_until = NULL, last_error = :error, "
                + "updated_at = :now" + SETTLING,
                Params.of("error", error).and("now", now).and("id", claim.id())
                        .and("attempts", claim.attempts())) == 1;
    }

    /** The file id Telegram gave this very content (same SHA-256), kept unless the file was replaced. */
    void rememberFileId(long productId, String sha256, String fileId) {
        sql.update("UPDATE product_files SET telegram_file_id = :fileId "
                        + "WHERE product_id = :productId AND sha256 = :sha256 AND telegram_file_id IS NULL",
                Params.of("fileId", fileId).and("productId", productId).and("sha256", sha256));
    }

    /** Failed deliveries of the order back to PENDING, due now, with a fresh count of attempts. */
    int retryFailed(UUID orderId, Instant now) {
        return sql.update("""
                UPDATE deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = :now, updated_at = :now,
                                      last_error = NULL
                WHERE order_id = :orderId AND status = 'FAILED'""", Params.of("orderId", orderId).and("now", now));
    }

    /** Every delivery of the order that is not already revoked becomes REVOKED; returns how many. */
    int revoke(UUID orderId, Instant now) {
        return sql.update("""
                UPDATE deliveries SET status = 'REVOKED', lease_until = NULL, updated_at = :now
                WHERE order_id = :orderId AND status <> 'REVOKED'""", Params.of("orderId", orderId).and("now", now));
    }

    /** How many of the order's deliveries are not SENT (-1 when it has none). */
    long unsent(UUID orderId) {
        return sql.one("""
                SELECT CASE WHEN count(*) = 0 THEN -1 ELSE count(*) FILTER (WHERE status <> 'SENT') END AS unsent
                FROM deliveries WHERE order_id = :orderId""", Params.of("orderId", orderId),
                row -> row.getLong("unsent")).orElse(-1L);
    }

    private static DeliveryJob job(Row row, Claim claim) throws SQLException {
        DeliveryJob.StoredFile file = row.isNull("file_name") ? null : new DeliveryJob.StoredFile(
                row.getString("file_name"), row.getString("content_type"), row.getString("sha256"),
                row.getString("telegram_file_id"));
        return new DeliveryJob(claim, row.getLong("chat_id"), row.getLong("product_id"), row.getString("sku"),
                row.getString("title"), row.getInt("quantity"), row.getString("delivery_text"),
                row.getBoolean("delivery_protect_content"), row.getString("first_name"), row.getString("code"), file);
    }

    /** A claimed delivery: settle it with these {@code id} and {@code attempts}. */
    record Claim(long id, UUID orderId, int lineUnit, DeliveryKind kind, @Nullable Long codeId, int attempts) {
    }

    record NewDelivery(UUID orderId, int lineNo, int lineUnit, long productId, DeliveryKind kind,
                       @Nullable Long codeId, long chatId, DeliveryStatus status, @Nullable String error) {
    }
}

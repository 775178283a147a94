package dev.starshop.fulfilment;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order's deliveries for the operator's order view. The one admin read that selects a claimed
 * code: an admin who opens the order sees it (docs/fulfilment.md, "Codes are secrets").
 */
@Singleton
public class OrderDeliveries {

    static final String FOR_ORDER = """
            SELECT d.line_no, d.line_unit, l.sku, d.kind, d.status, d.attempts, d.last_error, d.sent_at,
                   c.code, c.revoked_at
            FROM deliveries d JOIN order_lines l ON l.order_id = d.order_id AND l.line_no = d.line_no
            LEFT JOIN product_codes c ON c.id = d.code_id
            WHERE d.order_id = :orderId ORDER BY d.line_unit""";

    private final Sql sql;

    OrderDeliveries(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public List<AdminDelivery> forAdmin(UUID orderId) {
        return sql.list(FOR_ORDER, Params.of("orderId", orderId),
                row -> new AdminDelivery(row.getInt("line_no"), row.getInt("line_unit"), row.getString("sku"),
                        row.getString("kind"), DeliveryStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                        row.getString("last_error"), row.getInstant("sent_at"), row.getString("code"),
                        !row.isNull("revoked_at")));
    }

    /**
     * One unit's delivery as the operator sees it.
     *
     * @param unit      the unit's number across the order (0, 1, …)
     * @param lastError why the last attempt did not get through (FAILED: why it stopped)
     * @param code      the claimed code (CODES), shown to the admin who opens the order only
     */
    @Serdeable
    public record AdminDelivery(int lineNo, int unit, String sku, String kind, DeliveryStatus status, int attempts,
                                @Nullable String lastError, @Nullable Instant sentAt, @Nullable String code,
                                boolean codeRevoked) {

        @Override
        public String toString() {
            return "AdminDelivery[unit=" + unit + ", sku=" + sku + ", status=" + status + "]";
        }
    }
}

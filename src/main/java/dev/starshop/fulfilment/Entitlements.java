package dev.starshop.fulfilment;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * What a buyer may use now, for the shop's own services to ask "may this user …?": active
 * subscriptions (not expired, first order not refunded) and digital products of paid or fulfilled
 * orders. Subscriptions are read from checkout's table, not through checkout's code: a read model.
 */
@Singleton
class Entitlements {

    static final String SUBSCRIPTIONS = """
            SELECT l.sku, l.title, s.first_order_id, s.expires_at, s.cancelled
            FROM subscriptions s JOIN orders o ON o.id = s.first_order_id
            JOIN order_lines l ON l.order_id = o.id
            WHERE s.buyer_id = :buyerId AND s.expires_at > :now AND o.status IN ('PAID', 'FULFILLED')
              AND NOT EXISTS (SELECT 1 FROM payments c WHERE c.order_id = o.id AND c.kind = 'CHARGEBACK')
            ORDER BY s.expires_at""";
    static final String PRODUCTS = """
            SELECT l.sku, l.title, o.id AS order_id, l.quantity
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.buyer_id = :buyerId AND o.status IN ('PAID', 'FULFILLED') AND l.kind = 'DIGITAL'
              AND NOT EXISTS (SELECT 1 FROM payments c WHERE c.order_id = o.id AND c.kind = 'CHARGEBACK')
            ORDER BY o.created_at, l.line_no""";

    private final Sql sql;
    private final Clock clock;

    Entitlements(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PurchaseViews.Entitlements of(long buyerId) {
        return new PurchaseViews.Entitlements(
                sql.list(SUBSCRIPTIONS, Params.of("buyerId", buyerId).and("now", clock.instant()),
                        row -> new PurchaseViews.SubscriptionEntitlement(row.getString("sku"), row.getString("title"),
                                row.getUuid("first_order_id"), row.getInstant("expires_at"),
                                row.getBoolean("cancelled"))),
                sql.list(PRODUCTS, Params.of("buyerId", buyerId),
                        row -> new PurchaseViews.ProductEntitlement(row.getString("sku"), row.getString("title"),
                                row.getUuid("order_id"), row.getInt("quantity"))));
    }
}

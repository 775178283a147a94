package dev.starshop.order;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

/** Each attributed order's start parameter and its parts ({@code order_attributions}). */
@Singleton
class OrderAttributions {

    private final Sql sql;

    OrderAttributions(Sql sql) {
        this.sql = sql;
    }

    /** Inside the order's insert transaction. */
    void record(java.util.UUID orderId, Attribution attribution) {
        sql.update("""
                INSERT INTO order_attributions (order_id, start_param, source, campaign, referrer, product_sku, category)
                VALUES (:orderId, :startParam, :source, :campaign, :referrer, :productSku, :category)""",
                Params.of("orderId", orderId).and("startParam", attribution.startParam())
                        .and("source", attribution.source()).and("campaign", attribution.campaign())
                        .and("referrer", attribution.referrer()).and("productSku", attribution.productSku())
                        .and("category", attribution.category()));
    }
}

package dev.starshop.fulfilment;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The pools of codes of CODES products, in {@code product_codes}. No statement here puts a code in
 * an error message, and nothing logs one: the SQL text carries parameters, never values.
 */
@Singleton
public class CodePool {

    private final Sql sql;

    CodePool(Sql sql) {
        this.sql = sql;
    }

    /** Inserts the codes the pool does not have yet; returns how many were new. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    int add(long productId, List<String> codes) {
        return sql.update("""
                INSERT INTO product_codes (product_id, code)
                SELECT :productId, code FROM unnest(:codes) WITH ORDINALITY AS upload (code, position)
                ORDER BY position
                ON CONFLICT (product_id, code) DO NOTHING""",
                Params.of("productId", productId).and("codes", codes.toArray(String[]::new)));
    }

    /**
     * Claims one unclaimed code of the product for one unit of an order line, inside the caller's
     * transaction (the payment's). Concurrent claimers skip the rows others hold locked, so each gets
     * a different code or none; claiming the same unit again returns the code it already has.
     *
     * @param lineUnit which unit of the order this is (0, 1, … across the order's lines)
     * @return the code, or empty when the pool has none left
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<ClaimedCode> claim(String sku, UUID orderId, int lineUnit) {
        Optional<ClaimedCode> already = sql.one("""
                SELECT c.id, c.code FROM product_codes c JOIN products p ON p.id = c.product_id
                WHERE p.sku = :sku AND c.order_id = :orderId AND c.line_unit = :lineUnit""",
                Params.of("sku", sku).and("orderId", orderId).and("lineUnit", lineUnit),
                row -> new ClaimedCode(row.getLong("id"), row.getString("code")));
        if (already.isPresent()) {
            return already;
        }
        return sql.one("""
                UPDATE product_codes SET order_id = :orderId, line_unit = :lineUnit, claimed_at = now()
                WHERE id = (SELECT c.id FROM product_codes c JOIN products p ON p.id = c.product_id
                            WHERE p.sku = :sku AND c.order_id IS NULL
                            ORDER BY c.id LIMIT 1
                            FOR UPDATE OF c SKIP LOCKED)
                RETURNING id, code""",
                Params.of("sku", sku).and("orderId", orderId).and("lineUnit", lineUnit),
                row -> new ClaimedCode(row.getLong("id"), row.getString("code")));
    }

    @Transactional(readOnly = true)
    CodePoolSummary summary(String sku, long productId, long available) {
        return sql.one("""
                SELECT count(*) AS total, count(*) FILTER (WHERE order_id IS NOT NULL) AS claimed
                FROM product_codes WHERE product_id = :productId""",
                Params.of("productId", productId),
                row -> {
                    long total = row.getLong("total");
                    long claimed = row.getLong("claimed");
                    long unclaimed = total - claimed;
                    return new CodePoolSummary(sku, total, claimed, unclaimed, Math.max(0, unclaimed - available),
                            available);
                }).orElseThrow();
    }
}

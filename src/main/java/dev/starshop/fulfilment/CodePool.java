package dev.starshop.fulfilment;

import dev.starshop.catalog.CatalogService;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The pools of codes of CODES products, in {@code product_codes}. No statement here puts a code in
 * an error message, and nothing logs one: the SQL text carries parameters, never values.
 */
@Singleton
public class CodePool {

    private final Sql sql;
    private final CatalogService catalog;

    CodePool(Sql sql, CatalogService catalog) {
        this.sql = sql;
        this.catalog = catalog;
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

    /** How many codes of {@code sku} no order has claimed yet. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    long unclaimed(String sku) {
        return sql.one("""
                SELECT count(*) AS n FROM product_codes c JOIN products p ON p.id = c.product_id
                WHERE p.sku = :sku AND c.order_id IS NULL""", Params.of("sku", sku), row -> row.getLong("n"))
                .orElse(0L);
    }

    /** Why a CODES unit has no code: the sku only, never a code. */
    static String emptyPoolReason(String sku) {
        return "the code pool of " + sku + " is empty: upload codes, then retry the delivery";
    }

    /** Marks the order's codes revoked; they stay claimed, so they are never handed out again. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void revoke(UUID orderId, Instant now) {
        sql.update("UPDATE product_codes SET revoked_at = :now WHERE order_id = :orderId AND revoked_at IS NULL",
                Params.of("now", now).and("orderId", orderId));
    }

    /**
     * Gives the order's codes back to their pools, unclaimed, and their units back to the products'
     * stock (a CODES product's stock counts unclaimed codes). The deliveries forget them first, so a
     * refunded buyer's purchases never show a code someone else may get next.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void returnToPool(UUID orderId) {
        sql.update("UPDATE deliveries SET code_id = NULL WHERE order_id = :orderId", Params.of("orderId", orderId));
        List<Long> products = sql.list("""
                UPDATE product_codes SET order_id = NULL, line_unit = NULL, claimed_at = NULL, revoked_at = NULL
                WHERE order_id = :orderId RETURNING product_id""", Params.of("orderId", orderId),
                row -> row.getLong("product_id"));
        products.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                .forEach((productId, count) -> catalog.addStock(productId, count.intValue()));
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

package dev.starshop.promo;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Promo codes and the uses orders hold, in PostgreSQL. Callers own the transaction. */
@Singleton
class PromoCodeRepository {

    private static final String COLUMNS = "id, code, percent_off, scope, starts_at, ends_at, max_uses, "
            + "max_uses_per_buyer, active, created_at";
    private static final String AMOUNT_OFF = "AMOUNT_OFF";
    private static final String MINIMUM_ORDER = "MINIMUM_ORDER";

    private final Sql sql;

    PromoCodeRepository(Sql sql) {
        this.sql = sql;
    }

    /** The new code's id, or empty when the code exists already. {@code categoryIds}: its categories' ids. */
    Optional<Long> insert(String code, PromoCodeInput input, Collection<Long> categoryIds, Instant now) {
        Optional<Long> id = sql.one("""
                INSERT INTO promo_codes (code, kind, percent_off, scope, starts_at, ends_at, max_uses,
                                         max_uses_per_buyer, active, created_at)
                VALUES (:code, :kind, :percentOff::integer, :scope, :startsAt::timestamptz, :endsAt::timestamptz,
                        :maxUses::integer, :maxUsesPerBuyer::integer, true, :now)
                ON CONFLICT (code) DO NOTHING
                RETURNING id""",
                Params.of("code", code).and("kind", input.percentOff() != null ? "PERCENT" : "FIXED")
                        .and("percentOff", input.percentOff()).and("scope", input.scope().name())
                        .and("startsAt", input.startsAt()).and("endsAt", input.endsAt())
                        .and("maxUses", input.maxUses()).and("maxUsesPerBuyer", input.maxUsesPerBuyer()).and("now", now),
                row -> row.getLong("id"));
        id.ifPresent(codeId -> {
            insertAmounts(codeId, AMOUNT_OFF, input.amountsOffOrEmpty());
            insertAmounts(codeId, MINIMUM_ORDER, input.minimumOrderOrEmpty());
            Set.copyOf(input.skusOrEmpty()).forEach(sku -> sql.update(
                    "INSERT INTO promo_code_skus (promo_code_id, sku) VALUES (:id, :sku)",
                    Params.of("id", codeId).and("sku", sku)));
            Set.copyOf(categoryIds).forEach(categoryId -> sql.update(
                    "INSERT INTO promo_code_categories (promo_code_id, category_id) VALUES (:id, :categoryId)",
                    Params.of("id", codeId).and("categoryId", categoryId)));
        });
        return id;
    }

    private void insertAmounts(long codeId, String purpose, Map<String, Long> amounts) {
        amounts.forEach((currency, amount) -> sql.update("""
                INSERT INTO promo_code_amounts (promo_code_id, currency, purpose, amount)
                VALUES (:id, :currency, :purpose, :amount)""",
                Params.of("id", codeId).and("currency", currency).and("purpose", purpose).and("amount", amount)));
    }

    List<PromoCode> all() {
        return complete(sql.list("SELECT " + COLUMNS + " FROM promo_codes ORDER BY created_at DESC, id DESC",
                Params.none(), PromoCodeRepository::read));
    }

    Optional<PromoCode> find(long id) {
        return complete(sql.list("SELECT " + COLUMNS + " FROM promo_codes WHERE id = :id",
                Params.of("id", id), PromoCodeRepository::read)).stream().findFirst();
    }

    /**
     * The code, its row locked until the transaction ends: orders placed with one code queue here,
     * so each counts the uses the previous one committed and a limit is never oversubscribed.
     */
    Optional<PromoCode> lockByCode(String code) {
        return complete(sql.list("SELECT " + COLUMNS + " FROM promo_codes WHERE code = :code FOR UPDATE",
                Params.of("code", code), PromoCodeRepository::read)).stream().findFirst();
    }

    boolean deactivate(long id, Instant now) {
        return sql.update("UPDATE promo_codes SET active = false, deactivated_at = :now WHERE id = :id AND active",
                Params.of("id", id).and("now", now)) == 1;
    }

    long heldUses(long codeId) {
        return sql.one("SELECT count(*) AS held FROM promo_redemptions "
                        + "WHERE promo_code_id = :id AND released_at IS NULL",
                Params.of("id", codeId), row -> row.getLong("held")).orElse(0L);
    }

    long heldUses(long codeId, long buyerId) {
        return sql.one("SELECT count(*) AS held FROM promo_redemptions "
                        + "WHERE promo_code_id = :id AND buyer_id = :buyerId AND released_at IS NULL",
                Params.of("id", codeId).and("buyerId", buyerId), row -> row.getLong("held")).orElse(0L);
    }

    /** Held and paid uses of every code (paid: the order was paid, whatever happened to it after). */
    Map<Long, PromoCodeView.PromoUses> uses() {
        Map<Long, PromoCodeView.PromoUses> uses = new HashMap<>();
        sql.list("""
                SELECT r.promo_code_id,
                       count(*) FILTER (WHERE r.released_at IS NULL) AS held,
                       count(*) FILTER (WHERE o.status IN ('PAID', 'FULFILLED', 'REFUNDED')) AS paid
                FROM promo_redemptions r JOIN orders o ON o.id = r.order_id
                GROUP BY r.promo_code_id""", Params.none(),
                row -> Map.entry(row.getLong("promo_code_id"),
                        new PromoCodeView.PromoUses(row.getLong("held"), row.getLong("paid"))))
                .forEach(entry -> uses.put(entry.getKey(), entry.getValue()));
        return uses;
    }

    void insertUse(UUID orderId, Discount discount, long buyerId, Instant now) {
        sql.update("""
                INSERT INTO promo_redemptions (order_id, promo_code_id, buyer_id, currency, discount_amount, reserved_at)
                VALUES (:orderId, :codeId, :buyerId, :currency, :amount, :now)""",
                Params.of("orderId", orderId).and("codeId", discount.promoCodeId()).and("buyerId", buyerId)
                        .and("currency", discount.amount().currency().code())
                        .and("amount", discount.amount().amount()).and("now", now));
    }

    boolean release(UUID orderId, Instant now) {
        return sql.update("UPDATE promo_redemptions SET released_at = :now "
                        + "WHERE order_id = :orderId AND released_at IS NULL",
                Params.of("orderId", orderId).and("now", now)) == 1;
    }

    /**
     * The order's use and its code's state, for the check at pre-checkout. {@code inScope}: the code
     * still covers a line of the order; only a category scope can change (a product moved to another
     * category, or the category deleted, since the order was placed).
     */
    Optional<HeldUse> useOf(UUID orderId) {
        return sql.one("""
                SELECT r.released_at IS NOT NULL AS released, c.active, c.ends_at,
                       c.scope <> 'CATEGORIES' OR EXISTS (
                           SELECT 1 FROM order_lines l
                           JOIN products p ON p.id = l.product_id
                           JOIN promo_code_categories pc ON pc.category_id = p.category_id
                           WHERE l.order_id = r.order_id AND pc.promo_code_id = c.id) AS in_scope
                FROM promo_redemptions r JOIN promo_codes c ON c.id = r.promo_code_id
                WHERE r.order_id = :orderId""", Params.of("orderId", orderId),
                row -> new HeldUse(row.getBoolean("released"), row.getBoolean("active"),
                        row.getInstant("ends_at"), row.getBoolean("in_scope")));
    }

    private List<PromoCode> complete(List<PromoCode> codes) {
        if (codes.isEmpty()) {
            return codes;
        }
        Long[] ids = codes.stream().map(PromoCode::id).toArray(Long[]::new);
        Map<Long, Map<String, Map<String, Long>>> amounts = new HashMap<>();
        sql.list("SELECT promo_code_id, purpose, currency, amount FROM promo_code_amounts "
                        + "WHERE promo_code_id = ANY(:ids)", Params.of("ids", ids),
                row -> {
                    amounts.computeIfAbsent(row.getLong("promo_code_id"), id -> new HashMap<>())
                            .computeIfAbsent(row.getString("purpose"), p -> new HashMap<>())
                            .put(row.getString("currency"), row.getLong("amount"));
                    return null;
                });
        Map<Long, Set<String>> skus = new HashMap<>();
        sql.list("SELECT promo_code_id, sku FROM promo_code_skus WHERE promo_code_id = ANY(:ids)",
                Params.of("ids", ids), row -> skus.computeIfAbsent(row.getLong("promo_code_id"), id -> new HashSet<>())
                        .add(row.getString("sku")));
        Map<Long, Set<String>> categories = new HashMap<>();
        sql.list("""
                SELECT pc.promo_code_id, c.slug
                FROM promo_code_categories pc JOIN categories c ON c.id = pc.category_id
                WHERE pc.promo_code_id = ANY(:ids)""", Params.of("ids", ids),
                row -> categories.computeIfAbsent(row.getLong("promo_code_id"), id -> new HashSet<>())
                        .add(row.getString("slug")));
        return codes.stream().map(code -> {
            Map<String, Map<String, Long>> own = amounts.getOrDefault(code.id(), Map.of());
            return new PromoCode(code.id(), code.code(), code.percentOff(), own.getOrDefault(AMOUNT_OFF, Map.of()),
                    own.getOrDefault(MINIMUM_ORDER, Map.of()), code.scope(), skus.getOrDefault(code.id(), Set.of()),
                    categories.getOrDefault(code.id(), Set.of()), code.startsAt(), code.endsAt(), code.maxUses(), code.maxUsesPerBuyer(), code.active(),
                    code.createdAt());
        }).toList();
    }

    private static PromoCode read(Row row) throws SQLException {
        return new PromoCode(row.getLong("id"), row.getString("code"), row.getIntOrNull("percent_off"), Map.of(),
                Map.of(), PromoScope.valueOf(row.getString("scope")), Set.of(), Set.of(), row.getInstant("starts_at"), row.getInstant("ends_at"),
                row.getIntOrNull("max_uses"), row.getIntOrNull("max_uses_per_buyer"), row.getBoolean("active"),
                row.getInstant("created_at"));
    }

    /** An order's use of a code and what became of the code since. */
    record HeldUse(boolean released, boolean active, Instant endsAt, boolean inScope) {
    }
}

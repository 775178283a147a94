package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.ReadAhead;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows of several orders written by one statement per kind ({@code unnest} of arrays, in the
 * given order), for a shared transaction ({@link SharedPlacements}). Callers own the transaction.
 */
@Singleton
class SharedOrderRows {

    private final Sql sql;
    private final ReadAhead readAhead;

    SharedOrderRows(Sql sql, ReadAhead readAhead) {
        this.sql = sql;
        this.readAhead = readAhead;
    }

    /**
     * Inserts or refreshes every buyer's row, in the order given (callers sort by id), each row
     * staying locked until the transaction ends, as {@link OrderRepository#upsertBuyer} does for one.
     * Each buyer once: {@code ON CONFLICT DO UPDATE} cannot touch one row twice in a statement.
     */
    void upsertBuyers(List<Buyer> buyers, Instant now) {
        buyers.forEach(buyer -> readAhead.forget(ReadAheadKeys.buyer(buyer.telegramUserId())));
        sql.update("""
                INSERT INTO buyers (telegram_user_id, first_name, last_name, username, language_code,
                                    first_seen_at, last_seen_at)
                SELECT b.id, b.first_name, b.last_name, b.username, b.language_code, :now, :now
                FROM unnest(:ids::bigint[], :firstNames::text[], :lastNames::text[], :usernames::text[],
                            :languageCodes::text[]) WITH ORDINALITY
                     AS b(id, first_name, last_name, username, language_code, n)
                ORDER BY b.n
                ON CONFLICT (telegram_user_id) DO UPDATE SET first_name = EXCLUDED.first_name,
                    last_name = EXCLUDED.last_name, username = EXCLUDED.username,
                    language_code = EXCLUDED.language_code, last_seen_at = EXCLUDED.last_seen_at""",
                Params.of("ids", buyers.stream().map(Buyer::telegramUserId).toArray(Long[]::new))
                        .and("firstNames", buyers.stream().map(Buyer::firstName).toArray(String[]::new))
                        .and("lastNames", buyers.stream().map(Buyer::lastName).toArray(String[]::new))
                        .and("usernames", buyers.stream().map(Buyer::username).toArray(String[]::new))
                        .and("languageCodes", buyers.stream().map(Buyer::languageCode).toArray(String[]::new))
                        .and("now", now));
    }

    /** Each buyer's payable unpaid orders at {@code now}, counted up to {@code cap}, as {@link OrderRepository#countUnpaid}. */
    Map<Long, Integer> countUnpaid(List<Long> buyerIds, Instant now, int cap) {
        Map<Long, Integer> unpaid = new HashMap<>();
        sql.list("""
                SELECT b.id AS buyer_id,
                       (SELECT count(*) FROM (SELECT 1 FROM orders
                                              WHERE buyer_id = b.id AND status = 'PENDING_PAYMENT'
                                                AND expires_at > :now
                                              LIMIT :cap) AS payable) AS unpaid
                FROM unnest(:ids::bigint[]) AS b(id)""",
                Params.of("ids", buyerIds.toArray(Long[]::new)).and("now", now).and("cap", cap),
                row -> Map.entry(row.getLong("buyer_id"), row.getInt("unpaid")))
                .forEach(entry -> unpaid.put(entry.getKey(), entry.getValue()));
        return unpaid;
    }

    /**
     * Inserts the orders (all of one batch share their creation time), skipping any whose buyer
     * already used its idempotency key; returns how many were inserted.
     */
    int insertOrders(List<Order> orders, List<IdempotencyKey> keys) {
        Order first = orders.get(0);
        return sql.update("""
                INSERT INTO orders (id, buyer_id, status, currency, total_amount, invoice_link,
                                    idempotency_key, request_fingerprint, created_at, expires_at, updated_at,
                                    discount_amount, promo_code)
                SELECT o.id, o.buyer_id, :status, o.currency, o.total_amount, NULL,
                       o.idempotency_key, o.request_fingerprint, :createdAt, :expiresAt, :createdAt, 0, NULL
                FROM unnest(:ids::uuid[], :buyerIds::bigint[], :currencies::text[], :totalAmounts::bigint[],
                            :idempotencyKeys::text[], :requestFingerprints::text[]) WITH ORDINALITY
                     AS o(id, buyer_id, currency, total_amount, idempotency_key, request_fingerprint, n)
                ORDER BY o.n
                ON CONFLICT (buyer_id, idempotency_key) DO NOTHING""",
                Params.of("ids", orders.stream().map(Order::id).toArray(UUID[]::new))
                        .and("buyerIds", orders.stream().map(Order::buyerId).toArray(Long[]::new))
                        .and("currencies", orders.stream().map(o -> o.total().currency().code()).toArray(String[]::new))
                        .and("totalAmounts", orders.stream().map(o -> o.total().amount()).toArray(Long[]::new))
                        .and("idempotencyKeys", keys.stream().map(IdempotencyKey::value).toArray(String[]::new))
                        .and("requestFingerprints", keys.stream().map(IdempotencyKey::fingerprint).toArray(String[]::new))
                        .and("status", first.status()).and("createdAt", first.createdAt())
                        .and("expiresAt", first.expiresAt()));
    }

    /** Every line of every order, without discount (orders with a promo code are placed alone). */
    void insertLines(List<Order> orders) {
        List<Map.Entry<Order, OrderLine>> lines = orders.stream()
                .flatMap(order -> order.lines().stream().map(line -> Map.entry(order, line))).toList();
        sql.update("""
                INSERT INTO order_lines (order_id, line_no, product_id, sku, title, kind, quantity,
                                         unit_amount, line_amount, discount_amount)
                SELECT l.order_id, l.line_no, l.product_id, l.sku, l.title, l.kind, l.quantity,
                       l.unit_amount, l.unit_amount * l.quantity, 0
                FROM unnest(:orderIds::uuid[], :lineNos::integer[], :productIds::bigint[], :skus::text[],
                            :titles::text[], :kinds::text[], :quantities::integer[], :unitAmounts::bigint[])
                     AS l(order_id, line_no, product_id, sku, title, kind, quantity, unit_amount)""",
                Params.of("orderIds", lines.stream().map(e -> e.getKey().id()).toArray(UUID[]::new))
                        .and("lineNos", lines.stream().map(e -> e.getValue().lineNo()).toArray(Integer[]::new))
                        .and("productIds", lines.stream().map(e -> e.getValue().productId()).toArray(Long[]::new))
                        .and("skus", lines.stream().map(e -> e.getValue().sku()).toArray(String[]::new))
                        .and("titles", lines.stream().map(e -> e.getValue().title()).toArray(String[]::new))
                        .and("kinds", lines.stream().map(e -> e.getValue().kind().name()).toArray(String[]::new))
                        .and("quantities", lines.stream().map(e -> e.getValue().quantity()).toArray(Integer[]::new))
                        .and("unitAmounts", lines.stream().map(e -> e.getValue().unitPrice().amount())
                                .toArray(Long[]::new)));
    }

    /** Each order's CREATED event, as an order placed alone writes it. */
    void appendCreatedEvents(List<Order> orders, Instant now) {
        sql.update("""
                INSERT INTO order_events (order_id, at, kind, detail)
                SELECT e.order_id, :now, 'CREATED', e.detail
                FROM unnest(:orderIds::uuid[], :details::text[]) WITH ORDINALITY AS e(order_id, detail, n)
                ORDER BY e.n""",
                Params.of("orderIds", orders.stream().map(Order::id).toArray(UUID[]::new))
                        .and("details", orders.stream().map(order -> OrderPlacement.createdDetail(order, Optional.empty()))
                                .toArray(String[]::new))
                        .and("now", now));
    }
}

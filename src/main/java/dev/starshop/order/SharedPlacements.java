package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.catalog.CatalogService;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes several orders in the caller's transaction, with one statement per kind of row for all of
 * them, so they share one commit. It places them all or refuses them all: as soon as one of them
 * would be refused alone (over its buyer's unpaid-order limit, a key already used, a product short
 * of what the batch needs together) it throws, the transaction rolls back, and each order is placed
 * again alone, where it gets its own answer ({@link OrderPlacements}).
 *
 * <p>Locks are taken in the same order as an order alone takes them, so batches and single orders
 * never deadlock: every buyer row first, by id (the unpaid-order limit is counted under it), then
 * every product's stock row, by id. Orders with a promo code never come here.
 */
@Singleton
class SharedPlacements {

    private final SharedOrderRows rows;
    private final OrderAttributions attributions;
    private final CatalogService catalog;
    private final OrderSettings settings;
    private final Clock clock;

    SharedPlacements(SharedOrderRows rows, OrderAttributions attributions, CatalogService catalog,
                     OrderSettings settings, Clock clock) {
        this.rows = rows;
        this.attributions = attributions;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    /** Inside the caller's transaction: every order, in the given order, or a {@link Refused}. */
    List<Optional<Order>> insertAll(List<OrderPlacement> placements) {
        Instant now = clock.instant();
        rows.upsertBuyers(buyersById(placements), now);
        checkUnpaidLimits(placements, rows.countUnpaid(placements.stream().map(OrderPlacement::buyerId)
                .distinct().toList(), now, settings.maxUnpaidPerBuyer()));
        List<Order> orders = placements.stream()
                .map(placement -> placement.toOrder(Optional.empty(), now, settings.ttl())).toList();
        if (rows.insertOrders(orders, placements.stream().map(OrderPlacement::key).toList()) != orders.size()) {
            throw new Refused("an idempotency key of the batch was used already");
        }
        rows.insertLines(orders);
        for (int i = 0; i < orders.size(); i++) {
            UUID orderId = orders.get(i).id();
            placements.get(i).attribution().ifPresent(found -> attributions.record(orderId, found));
        }
        reserveStock(orders);
        rows.appendCreatedEvents(orders, now);
        return orders.stream().map(Optional::of).toList();
    }

    /** One row per buyer, in id order; a buyer with several orders here keeps its latest profile. */
    private static List<Buyer> buyersById(List<OrderPlacement> placements) {
        Map<Long, Buyer> latest = new LinkedHashMap<>();
        placements.forEach(placement -> latest.put(placement.buyerId(), placement.buyer()));
        return latest.values().stream().sorted(Comparator.comparingLong(Buyer::telegramUserId)).toList();
    }

    /** Each buyer's unpaid orders plus those of the batch before it, as if placed one after another. */
    private void checkUnpaidLimits(List<OrderPlacement> placements, Map<Long, Integer> unpaid) {
        Map<Long, Integer> held = new HashMap<>(unpaid);
        for (OrderPlacement placement : placements) {
            int before = held.merge(placement.buyerId(), 1, Integer::sum) - 1;
            if (before >= settings.maxUnpaidPerBuyer()) {
                throw new Refused("a buyer of the batch is at the unpaid-order limit");
            }
        }
    }

    /** What the batch takes of each product, one statement per product, in id order. */
    private void reserveStock(List<Order> orders) {
        Map<Long, Integer> wanted = new TreeMap<>();
        orders.forEach(order -> order.lines()
                .forEach(line -> wanted.merge(line.productId(), line.quantity(), Integer::sum)));
        wanted.forEach((productId, quantity) -> {
            if (!catalog.reserve(productId, quantity)) {
                throw new Refused("not enough stock of product " + productId + " for the whole batch");
            }
        });
    }

    /** One order of the batch would be refused alone: the batch is placed again order by order. */
    static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }
}

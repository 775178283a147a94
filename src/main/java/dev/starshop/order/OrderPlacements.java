package dev.starshop.order;

import dev.starshop.platform.db.GroupCommit;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import dev.starshop.promo.Discount;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes placed orders. An order that finds one of the group commit's lanes free is written at
 * once in a transaction of its own; orders that arrive while every lane is busy are written
 * together by the next free lane, in one transaction and one commit ({@link SharedPlacements}), and
 * each is answered only after that commit. If a shared transaction fails for any reason — one
 * order out of stock, over its buyer's limit, a reused key — nothing of it was committed and every
 * order of it is written again alone, so it gets exactly the answer it would have got alone and
 * the others are not changed by it.
 */
@Singleton
class OrderPlacements {

    private final OrderRepository orders;
    private final StockReservation stock;
    private final OrderPromotions promotions;
    private final OrderAttributions attributions;
    private final TransactionOperations<Connection> transactions;
    private final OrderSettings settings;
    private final Clock clock;
    private final SharedPlacements shared;
    private final Counter unpaidRefused;
    private final DistributionSummary batchSizes;
    private final GroupCommit<OrderPlacement, Optional<Order>> groupCommit;

    OrderPlacements(OrderRepository orders, StockReservation stock, OrderPromotions promotions,
                    OrderAttributions attributions, TransactionOperations<Connection> transactions,
                    OrderSettings settings, Clock clock, SharedPlacements shared, OrderGroupCommitSettings grouping,
                    MeterRegistry meters) {
        this.orders = orders;
        this.stock = stock;
        this.promotions = promotions;
        this.attributions = attributions;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.shared = shared;
        this.unpaidRefused = Counter.builder("starshop.orders.unpaid.limit.refused")
                .description("Orders refused 429 too-many-unpaid-orders").register(meters);
        this.batchSizes = DistributionSummary.builder("starshop.orders.group.commit.batch")
                .description("Orders per shared transaction (batches of two or more that committed)")
                .register(meters);
        this.groupCommit = grouping.enabled()
                ? new GroupCommit<>(new Writer(), grouping.lanes(), grouping.maxBatch()) : null;
        if (groupCommit != null) {
            Gauge.builder("starshop.orders.group.commit.waiting", groupCommit, GroupCommit::waiting)
                    .description("Orders waiting for a shared transaction").register(meters);
        }
    }

    /**
     * The order, committed; empty if a concurrent request with the same idempotency key committed
     * first. Throws the order's own 4xx problem when it is refused; then nothing of it was written.
     */
    Optional<Order> place(OrderPlacement placement) {
        return groupCommit != null && placement.mayShare() ? groupCommit.write(placement) : placeAlone(placement);
    }

    private Optional<Order> placeAlone(OrderPlacement placement) {
        return transactions.executeWrite(status -> insert(placement));
    }

    private List<Optional<Order>> placeTogether(List<OrderPlacement> placements) {
        List<Optional<Order>> placed = transactions.executeWrite(status -> shared.insertAll(placements));
        batchSizes.record(placements.size());
        return placed;
    }

    /**
     * Locks are taken in one order on every path: the buyer's row, then the promo code's row (inside
     * {@link OrderPromotions#discountFor}), then products for stock; so two orders never deadlock.
     */
    private Optional<Order> insert(OrderPlacement placement) {
        Instant now = clock.instant();
        orders.upsertBuyer(placement.buyer(), now);
        if (orders.countUnpaid(placement.buyerId(), now, settings.maxUnpaidPerBuyer())
                >= settings.maxUnpaidPerBuyer()) {
            return refuseOverLimit(placement);
        }
        Optional<Discount> discount = promotions.discountFor(placement.request(), placement.buyer(),
                placement.lines(), now);
        Order order = placement.toOrder(discount, now, settings.ttl());
        if (!orders.insert(order, placement.key())) {
            return Optional.empty();
        }
        orders.insertLines(order, discount);
        placement.attribution().ifPresent(found -> attributions.record(order.id(), found));
        discount.ifPresent(d -> promotions.recordUse(order, d, now));
        stock.reserve(placement.lines());
        orders.appendEvent(order.id(), now, "CREATED", OrderPlacement.createdDetail(order, discount));
        return Optional.of(order);
    }

    /**
     * The buyer already has the most unpaid orders allowed. Counted under the buyer's row lock taken
     * by {@code upsertBuyer} just before: concurrent orders of one buyer queue on that lock, and
     * under READ COMMITTED each statement sees what was committed before it started, so the count
     * includes every order the previous lock holder placed; 20 parallel requests cannot slip past
     * the limit. A row lock rather than an advisory lock: the upsert holds it already (no extra
     * statement), it ends with the transaction whatever happens, and advisory keys are a space
     * shared with the reconciliation and polling locks. Counting (not a counter column) means no
     * other path — payment, cancel, expiry — has to keep a number right.
     * A request whose key an order committed meanwhile is a retry, answered with that order.
     */
    private Optional<Order> refuseOverLimit(OrderPlacement placement) {
        IdempotencyKey key = placement.key();
        if (key.isPresent() && orders.findKey(placement.buyerId(), key.value()).isPresent()) {
            return Optional.empty();
        }
        unpaidRefused.increment();
        throw new ProblemException(ProblemCode.TOO_MANY_UNPAID_ORDERS, "You already have "
                + settings.maxUnpaidPerBuyer() + " unpaid orders, the most allowed at once. Pay for or cancel "
                + "one of them (or let it expire), then order again", Map.of("limit", settings.maxUnpaidPerBuyer()));
    }

    private final class Writer implements GroupCommit.Writer<OrderPlacement, Optional<Order>> {
        @Override
        public List<Optional<Order>> together(List<OrderPlacement> placements) {
            return placeTogether(placements);
        }

        @Override
        public Optional<Order> alone(OrderPlacement placement) {
            return placeAlone(placement);
        }
    }
}

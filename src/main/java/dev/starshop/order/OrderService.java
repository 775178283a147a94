package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.money.Money;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import dev.starshop.promo.Discount;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Places orders, shows buyers their own orders, and lets buyers cancel unpaid ones. */
@Singleton
public class OrderService {

    private final OrderRepository orders;
    private final OrderPricing pricing;
    private final StockReservation stock;
    private final TransactionOperations<Connection> transactions;
    private final OrderSettings settings;
    private final InvoiceLinks invoiceLinks;
    private final Clock clock;
    private final OrderPromotions promotions;
    private final Counter unpaidRefused;
    private final OrderAttributions attributions;

    OrderService(OrderRepository orders, OrderPricing pricing, StockReservation stock,
                 TransactionOperations<Connection> transactions, OrderSettings settings, InvoiceLinks invoiceLinks,
                 Clock clock, OrderPromotions promotions, MeterRegistry meters, OrderAttributions attributions) {
        this.attributions = attributions;
        this.orders = orders;
        this.promotions = promotions;
        this.pricing = pricing;
        this.stock = stock;
        this.transactions = transactions;
        this.settings = settings;
        this.invoiceLinks = invoiceLinks;
        this.clock = clock;
        this.unpaidRefused = Counter.builder("starshop.orders.unpaid.limit.refused")
                .description("Orders refused 429 too-many-unpaid-orders").register(meters);
    }

    /**
     * Places an order priced from the catalog with its stock reserved, all or nothing. With an
     * idempotency key, a retry returns the order the first request placed.
     */
    public PlacedOrder place(Buyer buyer, OrderRequest request, @Nullable String idempotencyKey) {
        Optional<Attribution> attribution = Attribution.parse(buyer.startParam());
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey, request);
        Optional<PlacedOrder> earlier = replay(buyer, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<OrderLine> lines = pricing.price(request);
        Optional<Order> placed = transactions.executeWrite(status -> insert(buyer, lines, request, key, attribution));
        // Empty: a concurrent request with the same key committed first; answer with its order.
        return placed.map(order -> new PlacedOrder(order, false))
                .orElseGet(() -> replay(buyer, key).orElseThrow());
    }

    /**
     * Gives a payable order its invoice link if it has none yet. The order is committed before
     * Telegram is asked, so a Bot API failure leaves it payable and this can simply be called again.
     */
    public Order ensureInvoice(Order order) {
        if (order.invoiceLink() != null || order.status() != OrderStatus.PENDING_PAYMENT) {
            return order;
        }
        String link = invoiceLinks.createFor(order);
        transactions.executeWrite(status -> {
            if (orders.setInvoiceLink(order.id(), link, clock.instant())) {
                orders.appendEvent(order.id(), clock.instant(), "INVOICE_ISSUED", link);
            }
            return null;
        });
        return transactions.executeRead(status -> orders.find(order.id())).orElseThrow();
    }

    /**
     * The Mini App reports how the invoice closed. Only a hint for the timeline: clients fire it
     * twice, never, or say "failed" for a charge that went through. Telegram's update is the truth.
     */
    public Order invoiceClosed(Buyer buyer, UUID id, String status) {
        Order order = find(buyer, id);
        transactions.executeWrite(s -> {
            orders.appendEvent(id, clock.instant(), "INVOICE_CLOSED_HINT", status);
            return null;
        });
        return order;
    }

    public List<OrderEvent> timeline(UUID id) {
        return transactions.executeRead(status -> orders.events(id));
    }

    public Order find(Buyer buyer, UUID id) {
        return transactions.executeRead(status -> orders.find(id))
                .filter(order -> order.buyerId() == buyer.telegramUserId())
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "No order " + id));
    }

    public List<Order> recent(Buyer buyer, int limit) {
        return transactions.executeRead(status -> orders.findByBuyer(buyer.telegramUserId(), limit));
    }

    /** The buyer changed their mind before paying: the order closes and its stock is freed. */
    public Order cancel(Buyer buyer, UUID id) {
        Order order = find(buyer, id);
        return transactions.executeWrite(status -> close(order, OrderStatus.CANCELLED, "cancelled by the buyer"));
    }

    /** Closes one pending order and returns its stock; refuses if it is no longer pending. */
    Order close(Order order, OrderStatus outcome, String why) {
        Order closed = order.transitionTo(outcome);
        Instant now = clock.instant();
        if (!orders.updateStatus(order.id(), OrderStatus.PENDING_PAYMENT, outcome, now)) {
            Order current = orders.find(order.id()).orElseThrow();
            throw new IllegalTransitionException(order.id(), current.status(), outcome);
        }
        stock.release(order.lines());
        if (order.hasPromoCode()) {
            promotions.release(order, now);
        }
        orders.appendEvent(order.id(), now, outcome.name(), why);
        return closed;
    }

    /**
     * Locks are taken in one order on every path: the buyer's row, then the promo code's row (inside
     * {@link OrderPromotions#discountFor}), then products for stock; so two orders never deadlock.
     */
    private Optional<Order> insert(Buyer buyer, List<OrderLine> lines, OrderRequest request, IdempotencyKey key,
                                   Optional<Attribution> attribution) {
        Instant now = clock.instant();
        orders.upsertBuyer(buyer, now);
        if (orders.countUnpaid(buyer.telegramUserId(), now, settings.maxUnpaidPerBuyer())
                >= settings.maxUnpaidPerBuyer()) {
            return refuseOverLimit(buyer, key);
        }
        Optional<Discount> discount = promotions.discountFor(request, buyer, lines, now);
        Order order = newOrder(buyer, lines, discount, now);
        if (!orders.insert(order, key)) {
            return Optional.empty();
        }
        orders.insertLines(order, discount);
        attribution.ifPresent(found -> attributions.record(order.id(), found));
        discount.ifPresent(d -> promotions.recordUse(order, d, now));
        stock.reserve(lines);
        orders.appendEvent(order.id(), now, "CREATED", lines.size() + " line(s), total " + order.total().display()
                + discount.map(d -> " after " + d.amount().display() + " off with code " + d.code()).orElse(""));
        return Optional.of(order);
    }

    private Order newOrder(Buyer buyer, List<OrderLine> lines, Optional<Discount> discount, Instant now) {
        Money subtotal = OrderPricing.total(lines, lines.get(0).unitPrice().currency());
        Money off = discount.map(Discount::amount).orElse(Money.zero(subtotal.currency()));
        return new Order(UUID.randomUUID(), buyer.telegramUserId(), OrderStatus.PENDING_PAYMENT, subtotal.minus(off),
                null, now, now.plus(settings.ttl()), lines, null, off, discount.map(Discount::code).orElse(null));
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
    private Optional<Order> refuseOverLimit(Buyer buyer, IdempotencyKey key) {
        if (key.isPresent() && orders.findKey(buyer.telegramUserId(), key.value()).isPresent()) {
            return Optional.empty();
        }
        unpaidRefused.increment();
        throw new ProblemException(ProblemCode.TOO_MANY_UNPAID_ORDERS, "You already have "
                + settings.maxUnpaidPerBuyer() + " unpaid orders, the most allowed at once. Pay for or cancel "
                + "one of them (or let it expire), then order again", Map.of("limit", settings.maxUnpaidPerBuyer()));
    }

    private Optional<PlacedOrder> replay(Buyer buyer, IdempotencyKey key) {
        if (!key.isPresent()) {
            return Optional.empty();
        }
        return transactions.executeRead(status -> orders.findKey(buyer.telegramUserId(), key.value())
                .map(stored -> {
                    if (!stored.fingerprint().equals(key.fingerprint())) {
                        throw new ProblemException(ProblemCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '"
                                + key.value() + "' was used for a different order; use a new key");
                    }
                    return new PlacedOrder(orders.find(stored.orderId()).orElseThrow(), true);
                }));
    }

    /** The order and whether it was placed by an earlier request with the same key. */
    public record PlacedOrder(Order order, boolean replayed) {
    }
}

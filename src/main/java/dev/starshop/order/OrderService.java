package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.catalog.Product;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Places orders, shows buyers their own orders, and lets buyers cancel unpaid ones. */
@Singleton
public class OrderService {

    private final OrderRepository orders;
    private final OrderPricing pricing;
    private final StockReservation stock;
    private final TransactionOperations<Connection> transactions;
    private final OrderPlacements placements;
    private final InvoiceLinks invoiceLinks;
    private final Clock clock;
    private final OrderPromotions promotions;

    OrderService(OrderRepository orders, OrderPricing pricing, StockReservation stock,
                 TransactionOperations<Connection> transactions, OrderPlacements placements,
                 InvoiceLinks invoiceLinks, Clock clock, OrderPromotions promotions) {
        this.orders = orders;
        this.promotions = promotions;
        this.pricing = pricing;
        this.stock = stock;
        this.transactions = transactions;
        this.placements = placements;
        this.invoiceLinks = invoiceLinks;
        this.clock = clock;
    }

    /**
     * Places an order priced from the catalog with its stock reserved, all or nothing, possibly in a
     * transaction shared with other orders placed at the same time ({@link OrderPlacements}). With
     * an idempotency key, a retry returns the order the first request placed.
     */
    public PlacedOrder place(Buyer buyer, OrderRequest request, @Nullable String idempotencyKey) {
        Optional<Attribution> attribution = Attribution.parse(buyer.startParam());
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey, request);
        // The key's earlier order and the catalog's prices are read in one read-only transaction.
        Lookup lookup = transactions.executeRead(status -> replay(buyer, key).<Lookup>map(Replayed::new)
                .orElseGet(() -> new Priced(pricing.price(request))));
        return lookup.orPlace(priced -> placeNew(new OrderPlacement(buyer, priced.lines(), request, key, attribution),
                priced));
    }

    private PlacedOrder placeNew(OrderPlacement placement, OrderPricing.Priced priced) {
        Optional<Order> placed = placements.place(placement);
        // Empty: a concurrent request with the same key committed first; answer with its order.
        return placed.map(order -> new PlacedOrder(order, false, priced.products()))
                .orElseGet(() -> replay(placement.buyer(), placement.key()).orElseThrow());
    }

    /**
     * Gives a payable order its invoice link if it has none yet. The order is committed before
     * Telegram is asked, so a Bot API failure leaves it payable and this can simply be called again.
     * {@code products}: the catalog's products as read to price this order ({@link PlacedOrder#products()},
     * empty when not at hand); the invoice takes its photo from them instead of reading the catalog again.
     */
    public Order ensureInvoice(Order order, List<Product> products) {
        if (order.invoiceLink() != null || order.status() != OrderStatus.PENDING_PAYMENT) {
            return order;
        }
        String link = invoiceLinks.createFor(order, products);
        Optional<Order> linked = transactions.executeWrite(status -> {
            Optional<Order> updated = orders.setInvoiceLink(order.id(), link, clock.instant());
            if (updated.isPresent()) {
                orders.appendEvent(order.id(), clock.instant(), "INVOICE_ISSUED", link);
            }
            return updated;
        });
        // The row as the update returned it, with the lines in hand (a link changes none of them);
        // read again only when another call had set its link first.
        return linked.map(row -> row.withLines(order.lines()))
                .orElseGet(() -> transactions.executeRead(status -> orders.find(order.id())).orElseThrow());
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

    /** What the first read found: the order an earlier request with the same key placed, or this request priced. */
    private sealed interface Lookup permits Replayed, Priced {
        /** The earlier order as it is, or the one {@code place} makes from this request's prices. */
        PlacedOrder orPlace(Function<OrderPricing.Priced, PlacedOrder> place);
    }

    private record Replayed(PlacedOrder earlier) implements Lookup {
        @Override
        public PlacedOrder orPlace(Function<OrderPricing.Priced, PlacedOrder> place) {
            return earlier;
        }
    }

    private record Priced(OrderPricing.Priced priced) implements Lookup {
        @Override
        public PlacedOrder orPlace(Function<OrderPricing.Priced, PlacedOrder> place) {
            return place.apply(priced);
        }
    }

    /**
     * The order, whether it was placed by an earlier request with the same key, and the catalog's
     * products as read to price it (empty for a replayed order).
     */
    public record PlacedOrder(Order order, boolean replayed, List<Product> products) {

        public PlacedOrder(Order order, boolean replayed) {
            this(order, replayed, List.of());
        }
    }
}

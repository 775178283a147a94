package dev.starshop.fulfilment;

import dev.starshop.catalog.DeliveryKind;
import dev.starshop.fulfilment.DeliveryRepository.NewDelivery;
import dev.starshop.order.Order;
import dev.starshop.order.OrderLine;
import dev.starshop.order.OrderTransition;
import dev.starshop.order.OrderTransitionListener;
import dev.starshop.platform.db.TransactionMemo;
import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides an order's deliveries in the transaction that made it PAID (a payment, or an operator's
 * approval of an order under review), and revokes them in the one that made it REFUNDED. Never
 * throws for a missing code: an exception here would roll back the payment, so an empty pool is a
 * FAILED delivery with its reason, for an operator to see and retry.
 */
@Singleton
class DeliveryDecisions implements OrderTransitionListener {

    private static final Set<DeliveryKind> DELIVERED = EnumSet.of(DeliveryKind.TEXT, DeliveryKind.CODES,
            DeliveryKind.FILE);
    /** What products deliver is read once per transaction (a group commit pays many orders in one). */
    private static final String DELIVERY_KINDS = "fulfilment.delivery-kinds";

    private final DeliveryRepository deliveries;
    private final CodePool codes;
    private final Revocation revocation;
    /** Lazily: the sender reaches OrderPayments, whose listeners include this bean. */
    private final BeanProvider<DeliveryNudge> nudge;
    private final TransactionOperations<Connection> transactions;
    private final DeliveryNews news;
    private final Clock clock;
    private final TransactionMemo memo;

    DeliveryDecisions(DeliveryRepository deliveries, CodePool codes, Revocation revocation, BeanProvider<DeliveryNudge> nudge,
                      DeliveryNews news, TransactionOperations<Connection> transactions, Clock clock,
                      TransactionMemo memo) {
        this.memo = memo;
        this.news = news;
        this.deliveries = deliveries;
        this.codes = codes;
        this.revocation = revocation;
        this.nudge = nudge;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void onTransition(OrderTransition transition) {
        switch (transition.to()) {
            case PAID -> decide(transition.order());
            case REFUNDED -> revocation.revoke(transition.order().id());
            default -> {
                // FULFILLED is ours; NEEDS_REVIEW delivers nothing until approved; the rest are unpaid.
            }
        }
    }

    /** One delivery per unit of each line whose product delivers something; units numbered across the order. */
    private void decide(Order order) {
        List<OrderLine> lines = order.lines().stream().sorted(Comparator.comparingInt(OrderLine::lineNo)).toList();
        List<Long> products = lines.stream().map(OrderLine::productId).toList();
        Map<Long, DeliveryKind> kinds = memo.once(Map.entry(DELIVERY_KINDS, products),
                () -> deliveries.deliveryKinds(products));
        int unit = 0;
        boolean any = false;
        for (OrderLine line : lines) {
            DeliveryKind kind = kinds.getOrDefault(line.productId(), DeliveryKind.NONE);
            int claimed = 0;
            for (int i = 0; i < line.quantity(); i++, unit++) {
                if (DELIVERED.contains(kind)) {
                    NewDelivery decided = delivery(order, line, unit, kind);
                    Optional<Long> id = deliveries.insert(decided, clock.instant());
                    claimed += decided.codeId() == null ? 0 : 1;
                    id.filter(x -> decided.status() == DeliveryStatus.FAILED).ifPresent(failedId -> news.failed(
                            new DeliveryNews.DeliveryFailed(order.id(), failedId, line.sku(), 0, decided.error())));
                    any = true;
                }
            }
            if (claimed > 0) {
                news.codesClaimed(line.sku(), claimed);
            }
        }
        if (any) {
            afterCommit(() -> nudge.get().nudge());
        }
    }

    private NewDelivery delivery(Order order, OrderLine line, int unit, DeliveryKind kind) {
        Optional<ClaimedCode> code = kind == DeliveryKind.CODES ? codes.claim(line.sku(), order.id(), unit)
                : Optional.empty();
        boolean poolEmpty = kind == DeliveryKind.CODES && code.isEmpty();
        return new NewDelivery(order.id(), line.lineNo(), unit, line.productId(), kind,
                code.map(ClaimedCode::id).orElse(null), order.buyerId(),
                poolEmpty ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
                poolEmpty ? CodePool.emptyPoolReason(line.sku()) : null);
    }

    private void afterCommit(Runnable action) {
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        action.run();
                    }
                }));
    }
}

package dev.starshop.order;

import dev.starshop.buyer.Buyer;
import dev.starshop.money.Money;
import dev.starshop.promo.Discount;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An order to write: who asked, its priced lines, the request it came in, its key and attribution. */
record OrderPlacement(Buyer buyer, List<OrderLine> lines, OrderRequest request, IdempotencyKey key,
                      Optional<Attribution> attribution) {

    /**
     * Whether it may share a transaction with other orders. An order with a promo code is placed
     * alone: the code's row lock and its use limits are taken and counted one order at a time.
     */
    boolean mayShare() {
        return !request.hasPromoCode();
    }

    long buyerId() {
        return buyer.telegramUserId();
    }

    /** The order these lines make at {@code now}, with the code's discount taken off. */
    Order toOrder(Optional<Discount> discount, Instant now, Duration ttl) {
        Money subtotal = OrderPricing.total(lines, lines.get(0).unitPrice().currency());
        Money off = discount.map(Discount::amount).orElse(Money.zero(subtotal.currency()));
        return new Order(UUID.randomUUID(), buyerId(), OrderStatus.PENDING_PAYMENT, subtotal.minus(off),
                null, now, now.plus(ttl), lines, null, off, discount.map(Discount::code).orElse(null));
    }

    /** The detail of the timeline's CREATED event. */
    static String createdDetail(Order order, Optional<Discount> discount) {
        return order.lines().size() + " line(s), total " + order.total().display()
                + discount.map(d -> " after " + d.amount().display() + " off with code " + d.code()).orElse("");
    }
}

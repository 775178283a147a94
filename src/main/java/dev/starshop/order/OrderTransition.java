package dev.starshop.order;

import java.time.Instant;

/**
 * One move of a paid-path order (paid, needs review, refunded, fulfilled), as listeners see it
 * inside the transaction that made it.
 *
 * @param order the order after the move (its status is {@code to})
 * @param from  the status it left
 * @param why   the timeline's reason
 * @param at    when the move was made
 */
public record OrderTransition(Order order, OrderStatus from, String why, Instant at) {

    public OrderStatus to() {
        return order.status();
    }
}

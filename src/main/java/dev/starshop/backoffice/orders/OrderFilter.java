package dev.starshop.backoffice.orders;

import dev.starshop.order.OrderStatus;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Set;

/**
 * What the operator asked the order list for, already checked: every field is either absent (no
 * filter) or a valid value. {@code from} is inclusive, {@code to} exclusive.
 */
record OrderFilter(Set<OrderStatus> statuses, @Nullable String currency, @Nullable Instant from,
                   @Nullable Instant to, @Nullable BuyerRef buyer, int limit, @Nullable OrderCursor after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    OrderFilter {
        statuses = Set.copyOf(statuses);
    }

    /** A buyer by Telegram user id or by username (compared without case, no leading {@code @}). */
    record BuyerRef(@Nullable Long userId, @Nullable String username) {
    }
}

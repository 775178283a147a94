package dev.starshop.order;

import dev.starshop.money.Currency;
import dev.starshop.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderStatusTest {

    @ParameterizedTest
    @CsvSource({
            "PENDING_PAYMENT, PAID", "PENDING_PAYMENT, CANCELLED", "PENDING_PAYMENT, EXPIRED",
            "PENDING_PAYMENT, NEEDS_REVIEW", "PAID, REFUNDED", "NEEDS_REVIEW, REFUNDED",
            "EXPIRED, NEEDS_REVIEW", "CANCELLED, NEEDS_REVIEW", "PAID, NEEDS_REVIEW", "REFUNDED, NEEDS_REVIEW",
            "PAID, FULFILLED", "FULFILLED, REFUNDED", "NEEDS_REVIEW, PAID"})
    void allowedMoves(OrderStatus from, OrderStatus to) {
        assertTrue(from.canBecome(to));
    }

    @ParameterizedTest
    @CsvSource({
            "PAID, PENDING_PAYMENT", "PAID, EXPIRED", "EXPIRED, PAID", "CANCELLED, PAID",
            "REFUNDED, PAID", "REFUNDED, REFUNDED", "EXPIRED, CANCELLED", "PENDING_PAYMENT, REFUNDED",
            "FULFILLED, PAID", "FULFILLED, NEEDS_REVIEW", "REFUNDED, FULFILLED", "NEEDS_REVIEW, FULFILLED"})
    void refusedMoves(OrderStatus from, OrderStatus to) {
        assertFalse(from.canBecome(to));
    }

    @Test
    void everyStateHasARowInTheTable() {
        for (OrderStatus status : OrderStatus.values()) {
            assertTrue(OrderStatus.TRANSITIONS.containsKey(status), status.name());
        }
    }

    @Test
    void aRefusedTransitionNamesBothStates() {
        Order paid = new Order(UUID.randomUUID(), 1, OrderStatus.PAID,
                new Money(10, new Currency("XTR", 0, 1, 10_000)), null, Instant.EPOCH, Instant.EPOCH, List.of());
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> paid.transitionTo(OrderStatus.EXPIRED));
        assertTrue(e.getMessage().contains("is PAID and cannot become EXPIRED"), e.getMessage());
        assertEquals(OrderStatus.REFUNDED, paid.transitionTo(OrderStatus.REFUNDED).status());
    }
}

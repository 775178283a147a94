package dev.starshop.order;

import dev.starshop.money.Money;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order and its lines. State changes go through {@link #transitionTo}, which refuses moves the
 * transition table does not allow. {@code total} is what the buyer pays for the items: the lines'
 * sum less {@code discount}, the amount a promo code ({@code promoCode}) took off (zero without one).
 */
public record Order(UUID id, long buyerId, OrderStatus status, Money total, @Nullable String invoiceLink,
                    Instant createdAt, Instant expiresAt, List<OrderLine> lines, @Nullable Charge charge,
                    Money discount, @Nullable String promoCode) {

    public Order {
        lines = List.copyOf(lines);
    }

    /** An order without a promo code. */
    public Order(UUID id, long buyerId, OrderStatus status, Money total, @Nullable String invoiceLink,
                 Instant createdAt, Instant expiresAt, List<OrderLine> lines, @Nullable Charge charge) {
        this(id, buyerId, status, total, invoiceLink, createdAt, expiresAt, lines, charge,
                Money.zero(total.currency()), null);
    }

    /** An order nobody has paid for yet. */
    public Order(UUID id, long buyerId, OrderStatus status, Money total, @Nullable String invoiceLink,
                 Instant createdAt, Instant expiresAt, List<OrderLine> lines) {
        this(id, buyerId, status, total, invoiceLink, createdAt, expiresAt, lines, null);
    }

    public boolean isExpiredAt(Instant now) {
        return status == OrderStatus.PENDING_PAYMENT && !now.isBefore(expiresAt);
    }

    /** The lines' sum before the discount. */
    public Money subtotal() {
        return total.plus(discount);
    }

    public boolean hasPromoCode() {
        return promoCode != null;
    }

    /** The same order in {@code next} state, or an error naming the current one. */
    public Order transitionTo(OrderStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(id, status, next);
        }
        return new Order(id, buyerId, next, total, invoiceLink, createdAt, expiresAt, lines, charge, discount, promoCode);
    }

    /** {@link #transitionTo}, and the order now knows what was charged for it (unchanged if null). */
    Order transitionTo(OrderStatus next, @Nullable Charge paid) {
        Order moved = transitionTo(next);
        return paid == null ? moved : new Order(id, buyerId, next, total, invoiceLink, createdAt, expiresAt, lines,
                paid, discount, promoCode);
    }

    Order withLines(List<OrderLine> newLines) {
        return new Order(id, buyerId, status, total, invoiceLink, createdAt, expiresAt, newLines, charge, discount,
                promoCode);
    }
}

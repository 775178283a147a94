package dev.starshop.order;

import dev.starshop.catalog.ProductKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as its buyer sees it. Amounts are minor units; {@code *Display} is for people.
 * {@code subtotalAmount} is the lines' sum, {@code discountAmount} what {@code promoCode} took off
 * (0 and null without a code), {@code totalAmount} what is left to pay for the items.
 */
@Serdeable
public record OrderView(UUID id, OrderStatus status, String currency, long totalAmount, String totalDecimal,
                        String totalDisplay, long subtotalAmount, String subtotalDisplay, long discountAmount,
                        String discountDisplay, @Nullable String promoCode, @Nullable String invoiceLink,
                        Instant createdAt, Instant expiresAt, List<LineView> lines, @Nullable ChargeView payment) {

    public static OrderView of(Order order) {
        return new OrderView(order.id(), order.status(), order.total().currency().code(), order.total().amount(),
                order.total().decimalText(), order.total().display(), order.subtotal().amount(),
                order.subtotal().display(), order.discount().amount(), order.discount().display(), order.promoCode(),
                order.invoiceLink(), order.createdAt(), order.expiresAt(),
                order.lines().stream().map(LineView::of).toList(),
                order.charge() == null ? null : ChargeView.of(order.charge()));
    }

    /** What the buyer paid: the total charged, with the shipping and tip inside it (cards). */
    @Serdeable
    public record ChargeView(long totalAmount, String totalDisplay, long shippingAmount, String shippingDisplay,
                             long tipAmount, String tipDisplay) {
        static ChargeView of(Charge charge) {
            return new ChargeView(charge.total().amount(), charge.total().display(), charge.shipping().amount(),
                    charge.shipping().display(), charge.tip().amount(), charge.tip().display());
        }
    }

    @Serdeable
    public record LineView(String sku, String title, ProductKind kind, int quantity, long unitAmount,
                           long lineAmount, String lineDisplay) {
        static LineView of(OrderLine line) {
            return new LineView(line.sku(), line.title(), line.kind(), line.quantity(), line.unitPrice().amount(),
                    line.lineTotal().amount(), line.lineTotal().display());
        }
    }
}

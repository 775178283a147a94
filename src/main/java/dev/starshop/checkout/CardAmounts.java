package dev.starshop.checkout;

import dev.starshop.money.Money;
import dev.starshop.order.Order;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * How a card total splits: the order's items, the chosen shipping rate and the tip. Stars totals
 * are items only. Empty when the total cannot be explained (wrong shipping option, a tip below zero
 * or above the shop's maximum).
 */
record CardAmounts(Money items, Money shipping, Money tip) {

    static Optional<CardAmounts> explain(Order order, long total, @Nullable String shippingOptionId,
                                         CheckoutSettings settings) {
        Money items = order.total();
        Optional<Money> shipping = shippingFor(order, shippingOptionId, settings);
        if (shipping.isEmpty()) {
            return Optional.empty();
        }
        long tipAmount = total - items.amount() - shipping.get().amount();
        long maxTip = items.currency().isStars() ? 0
                : settings.tips(items.currency().code()).map(CheckoutSettings.TipPolicy::maxAmount).orElse(0L);
        if (tipAmount < 0 || tipAmount > maxTip) {
            return Optional.empty();
        }
        return Optional.of(new CardAmounts(items, shipping.get(), new Money(tipAmount, items.currency())));
    }

    /** No option chosen: no shipping. A chosen option must exist and be priced in the order's currency. */
    private static Optional<Money> shippingFor(Order order, @Nullable String optionId, CheckoutSettings settings) {
        if (optionId == null || optionId.isEmpty()) {
            return Optional.of(Money.zero(order.total().currency()));
        }
        String currency = order.total().currency().code();
        return settings.rate(optionId)
                .map(rate -> rate.prices().get(currency))
                .map(amount -> new Money(amount, order.total().currency()));
    }

    Money total() {
        return items.plus(shipping).plus(tip);
    }
}

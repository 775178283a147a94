package dev.starshop.checkout;

import dev.starshop.money.Money;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Checkout's answer to a {@link ShippingRequest}: the options, or why there are none.
 *
 * @param buyerMessage what the buyer reads when {@code ok} is false
 */
public record ShippingDecision(boolean ok, List<Option> options, @Nullable String buyerMessage) {

    static ShippingDecision offer(List<Option> options) {
        return new ShippingDecision(true, List.copyOf(options), null);
    }

    static ShippingDecision refuse(String buyerMessage) {
        return new ShippingDecision(false, List.of(), buyerMessage);
    }

    /** One delivery choice at its price in the order's currency. */
    public record Option(String id, String title, Money price) {
    }
}

package dev.starshop.checkout;

import dev.starshop.money.Money;
import dev.starshop.order.Order;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Shipping options for the buyer's country from the shop's rates, priced in the order's currency. */
@Singleton
class ShippingAnswers {

    private final CheckoutSettings settings;

    ShippingAnswers(CheckoutSettings settings) {
        this.settings = settings;
    }

    ShippingDecision answer(ShippingRequest query, Optional<Order> order) {
        CheckoutTexts texts = CheckoutTexts.forLanguage(query.languageCode());
        if (order.isEmpty()) {
            return ShippingDecision.refuse(texts.unknownOrder);
        }
        var currency = order.get().total().currency();
        List<ShippingDecision.Option> options = settings.ratesFor(query.countryCode(), currency.code()).stream()
                .map(rate -> new ShippingDecision.Option(rate.id(), rate.title(),
                        new Money(rate.prices().get(currency.code()), currency)))
                .toList();
        return options.isEmpty() ? ShippingDecision.refuse(texts.noShipping) : ShippingDecision.offer(options);
    }
}

package dev.starshop.checkout;

import dev.starshop.order.Order;
import dev.starshop.telegram.botapi.AnswerShippingQuery;
import dev.starshop.telegram.botapi.LabeledPrice;
import dev.starshop.telegram.botapi.ShippingOption;
import dev.starshop.telegram.botapi.ShippingQuery;
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

    AnswerShippingQuery answer(ShippingQuery query, Optional<Order> order) {
        CheckoutTexts texts = CheckoutTexts.forLanguage(query.sender() == null ? null : query.sender().languageCode());
        if (order.isEmpty()) {
            return AnswerShippingQuery.refuse(query.id(), texts.unknownOrder);
        }
        String currency = order.get().total().currency().code();
        List<ShippingOption> options = settings.ratesFor(query.shippingAddress().countryCode(), currency).stream()
                .map(rate -> new ShippingOption(rate.id(), rate.title(),
                        List.of(new LabeledPrice(rate.title(), rate.prices().get(currency)))))
                .toList();
        return options.isEmpty()
                ? AnswerShippingQuery.refuse(query.id(), texts.noShipping)
                : AnswerShippingQuery.accept(query.id(), options);
    }
}

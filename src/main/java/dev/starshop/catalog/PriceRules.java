package dev.starshop.catalog;

import dev.starshop.money.Currency;
import dev.starshop.money.CurrencyTable;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Set;

/**
 * What a product's prices must satisfy for Telegram to accept an invoice for it: a Stars price
 * always, supported currencies, one price per currency, and subscriptions in Stars only.
 */
@Singleton
class PriceRules {

    private final CurrencyTable currencies;

    PriceRules(CurrencyTable currencies) {
        this.currencies = currencies;
    }

    void check(ProductInput input) {
        Set<String> seen = new HashSet<>();
        for (ProductInput.PriceInput price : input.prices()) {
            Currency currency = currencies.require(price.currency());
            if (!seen.add(currency.code())) {
                throw invalid("The product has two prices in " + currency.code());
            }
            if (price.amount() > currency.maxAmount()) {
                currency.requireWithinLimits(price.amount());
            }
        }
        if (!seen.contains(Currency.STARS_CODE)) {
            throw invalid("Every product needs a price in Telegram Stars (XTR)");
        }
        if (input.kind() == ProductKind.SUBSCRIPTION && seen.size() > 1) {
            throw invalid("Telegram bills subscriptions in Stars only: remove the other prices");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, detail);
    }
}

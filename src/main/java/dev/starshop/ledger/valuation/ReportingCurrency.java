package dev.starshop.ledger.valuation;

import dev.starshop.money.Currency;
import dev.starshop.money.CurrencyTable;
import io.micronaut.context.annotation.Context;

/**
 * The currency the books value Stars in ({@code starshop.books.reporting-currency}). Created at
 * start-up, so an unknown code or {@code XTR} stops the engine with the property's name instead of
 * failing the first Stars payment.
 */
@Context
public class ReportingCurrency {

    private final Currency currency;

    ReportingCurrency(BooksSettings settings, CurrencyTable currencies) {
        String code = settings.reportingCurrency();
        Currency found = currencies.find(code).orElseThrow(() -> new IllegalArgumentException(
                "starshop.books.reporting-currency '" + code + "' is not in Telegram's currency table"));
        if (found.isStars()) {
            throw new IllegalArgumentException("starshop.books.reporting-currency must be a fiat currency, not XTR");
        }
        this.currency = found;
    }

    public Currency currency() {
        return currency;
    }

    /** 10^exponent: minor units per unit of the currency (100 for USD). */
    long minorPerUnit() {
        return java.math.BigInteger.TEN.pow(currency.exponent()).longValueExact();
    }
}

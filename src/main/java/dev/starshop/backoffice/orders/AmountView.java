package dev.starshop.backoffice.orders;

import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An amount as the console needs it: minor units for machines, the decimal with the currency's
 * exponent and the text a person reads ("1.45 USD", "50 ⭐"). Always one currency.
 */
@Serdeable
record AmountView(long amount, String decimal, String currency, String display) {

    /** A currency the table no longer knows still shows its minor units rather than failing the page. */
    static AmountView of(long amount, String currency, CurrencyTable currencies) {
        String code = currency.strip();
        return currencies.find(code).map(c -> new Money(amount, c))
                .map(money -> new AmountView(amount, money.decimalText(), code, money.display()))
                .orElseGet(() -> new AmountView(amount, Long.toString(amount), code, amount + " " + code));
    }
}

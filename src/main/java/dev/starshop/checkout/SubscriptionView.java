package dev.starshop.checkout;

import dev.starshop.money.CurrencyTable;
import dev.starshop.money.Money;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription for the API. {@code status}: ACTIVE (renews), CANCELLED (runs to {@code expiresAt}
 * and stops), EXPIRED (past its paid period).
 *
 * @param amount  the price of one period in minor units (Stars)
 * @param decimal the same amount with the currency's exponent, like the catalog's prices ("50")
 * @param display what a person reads ("50 ⭐")
 */
@Serdeable
record SubscriptionView(UUID id, long buyerId, UUID firstOrderId, String currency, long amount, String decimal,
                        String display, Instant expiresAt, String status) {

    static SubscriptionView of(Subscription s, CurrencyTable currencies, Instant now) {
        String status = s.expiresAt().isBefore(now) ? "EXPIRED" : s.cancelled() ? "CANCELLED" : "ACTIVE";
        Money price = currencies.money(s.amount(), s.currency());
        return new SubscriptionView(s.id(), s.buyerId(), s.firstOrderId(), s.currency(), s.amount(),
                price.decimalText(), price.display(), s.expiresAt(), status);
    }
}

package dev.starshop.sandbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * What a sandbox user does in the invoice sheet.
 *
 * @param method           "stars" or "card"; defaults to what the invoice's currency needs
 * @param cardNumber       Stripe test card, spaces allowed (4242 4242 4242 4242 succeeds)
 * @param shippingAddress  Telegram ShippingAddress fields (country_code, state, city, street_line1, …)
 * @param shippingOptionId the option picked after answerShippingQuery; defaults to the first
 * @param tipAmount        tip in minor units (card invoices with max_tip_amount only)
 * @param cancel           the user closes the sheet without paying
 */
@Serdeable
public record PayRequest(long userId, @Nullable String method, @Nullable String cardNumber,
                         @Nullable Map<String, String> shippingAddress, @Nullable String shippingOptionId,
                         @Nullable Long tipAmount, @Nullable String name, @Nullable String phoneNumber,
                         @Nullable String email, @Nullable Boolean cancel) {

    public static PayRequest stars(long userId) {
        return new PayRequest(userId, "stars", null, null, null, null, null, null, null, null);
    }

    public static PayRequest card(long userId, String cardNumber) {
        return new PayRequest(userId, "card", cardNumber, null, null, null, null, null, null, null);
    }
}

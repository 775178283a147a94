package dev.starshop.checkout;

import io.micronaut.core.annotation.Nullable;

/**
 * The buyer is about to pay: may they? Currency and amount stay as asked (not {@link
 * dev.starshop.money.Money}): judging them against the order is the decision's job, and a currency
 * this shop does not know is a refusal, not an error.
 *
 * @param queryId      the query to answer
 * @param totalAmount  minor units of {@code currency}, as the buyer is about to be charged
 * @param invoicePayload the invoice payload, which names the order
 */
public record PreCheckoutRequest(String queryId, @Nullable String languageCode, String currency, long totalAmount,
                                 String invoicePayload, @Nullable String shippingOptionId) {
}

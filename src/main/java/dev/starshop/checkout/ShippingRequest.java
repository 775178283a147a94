package dev.starshop.checkout;

import io.micronaut.core.annotation.Nullable;

/**
 * Which delivery options apply to the buyer's address (flexible card invoices).
 *
 * @param countryCode ISO 3166-1 alpha-2 of the address the buyer entered
 */
public record ShippingRequest(String queryId, @Nullable String languageCode, String invoicePayload,
                              String countryCode) {
}

package dev.starshop.sandbox;

import java.util.List;
import java.util.Map;

/**
 * An invoice created by createInvoiceLink, kept as the bot sent it.
 *
 * @param prices amounts of the price components in minor units
 */
record Invoice(String slug, String title, String description, String payload, String currency,
               List<Long> prices, long maxTipAmount, List<Long> suggestedTipAmounts, Long subscriptionPeriod, boolean needName,
               boolean needPhoneNumber, boolean needEmail, boolean needShippingAddress,
               boolean isFlexible) {

    boolean isStars() {
        return "XTR".equals(currency);
    }

    long priceTotal() {
        return prices.stream().mapToLong(Long::longValue).sum();
    }

    /** Telegram ignores shipping for Stars invoices. */
    boolean asksShipping() {
        return !isStars() && isFlexible && needShippingAddress;
    }

    Map<String, Object> view() {
        return Json.obj("slug", slug, "title", title, "description", description, "payload", payload,
                "currency", currency, "totalAmount", priceTotal(), "subscriptionPeriod", subscriptionPeriod,
                "isFlexible", isFlexible, "needShippingAddress", needShippingAddress, "maxTipAmount", maxTipAmount,
                "suggestedTipAmounts", suggestedTipAmounts, "needName", needName, "needPhoneNumber", needPhoneNumber,
                "needEmail", needEmail);
    }
}

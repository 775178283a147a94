package dev.starshop.sandbox;

import java.util.List;
import java.util.Map;

/**
 * An invoice created by createInvoiceLink, kept as the bot sent it.
 *
 * @param prices      amounts of the price components in minor units (a discount is negative)
 * @param priceLabels the components' labels, in the same order
 */
record Invoice(String slug, String title, String description, String payload, String currency,
               List<Long> prices, List<String> priceLabels, long maxTipAmount, List<Long> suggestedTipAmounts, Long subscriptionPeriod, boolean needName,
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

    private List<Map<String, Object>> labeledPrices() {
        return java.util.stream.IntStream.range(0, prices.size())
                .mapToObj(i -> Json.obj("label", priceLabels.get(i), "amount", prices.get(i))).toList();
    }

    Map<String, Object> view() {
        return Json.obj("slug", slug, "title", title, "description", description, "payload", payload,
                "currency", currency, "totalAmount", priceTotal(), "prices", labeledPrices(), "subscriptionPeriod", subscriptionPeriod,
                "isFlexible", isFlexible, "needShippingAddress", needShippingAddress, "maxTipAmount", maxTipAmount,
                "suggestedTipAmounts", suggestedTipAmounts, "needName", needName, "needPhoneNumber", needPhoneNumber,
                "needEmail", needEmail);
    }
}

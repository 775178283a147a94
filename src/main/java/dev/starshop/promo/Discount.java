package dev.starshop.promo;

import dev.starshop.money.Money;

import java.util.Map;

/**
 * What a code takes off one order: the code as stored, the amount in the order's currency, and
 * that amount shared among the lines it was taken from ({@code lineAmounts}: minor units by SKU,
 * adding up to {@code amount} exactly; lines out of scope are absent). See {@link DiscountSplit}.
 */
public record Discount(long promoCodeId, String code, Money amount, Map<String, Long> lineAmounts) {

    public Discount {
        lineAmounts = Map.copyOf(lineAmounts);
    }

    /** This line's share of the discount, in minor units; 0 for a line out of the code's scope. */
    public long onLine(String sku) {
        return lineAmounts.getOrDefault(sku, 0L);
    }
}

package dev.starshop.promo;

import dev.starshop.money.Money;
import io.micronaut.core.annotation.Nullable;

/**
 * One line of an order as a code sees it: which product, its category's slug (null when it has
 * none), and what the line costs before any discount.
 */
public record PricedLine(String sku, @Nullable String category, Money lineTotal) {
}

package dev.starshop.promo;

import dev.starshop.money.Money;

/** One line of an order as a code sees it: which product, and what the line costs before any discount. */
public record PricedLine(String sku, Money lineTotal) {
}

package dev.starshop.promo;

import dev.starshop.money.Money;

/** What a code takes off one order: the code as stored and the amount, in the order's currency. */
public record Discount(long promoCodeId, String code, Money amount) {
}

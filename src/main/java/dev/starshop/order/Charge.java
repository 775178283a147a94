package dev.starshop.order;

import dev.starshop.money.Money;

/** What the buyer paid for an order: the total, and the shipping and tip inside it. */
public record Charge(Money total, Money shipping, Money tip) {
}

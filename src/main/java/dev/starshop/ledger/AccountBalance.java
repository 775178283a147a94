package dev.starshop.ledger;

import dev.starshop.money.StarQuantity;
import io.micronaut.core.annotation.Nullable;

/**
 * One account in one currency. Amounts are minor units of {@code currency}.
 *
 * @param debits  sum of the debit postings (≥ 0), whole units (for XTR the whole Stars of each posting)
 * @param credits sum of the credit postings, as a positive number (≥ 0), whole units likewise
 * @param balance debits − credits: positive for debit-normal accounts (receivables, refunds,
 *                chargebacks), negative for revenue; for XTR the whole Stars of {@code stars}
 * @param stars   XTR only: the exact balance, fractions of a Star included; null for other currencies
 */
public record AccountBalance(Account account, String currency, long debits, long credits, long balance,
                             @Nullable StarQuantity stars) {
}

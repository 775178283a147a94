package dev.starshop.ledger;

/**
 * One account in one currency. Amounts are minor units of {@code currency}.
 *
 * @param debits  sum of the debit postings (≥ 0)
 * @param credits sum of the credit postings, as a positive number (≥ 0)
 * @param balance debits − credits: positive for debit-normal accounts (receivables, refunds,
 *                chargebacks), negative for revenue
 */
public record AccountBalance(Account account, String currency, long debits, long credits, long balance) {
}

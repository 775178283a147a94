package dev.starshop.ledger;

import io.micronaut.core.annotation.Nullable;

/**
 * Something in the ledger that breaks a rule, found by {@link Ledger#checkInvariants()}.
 *
 * @param transactionId the offending transaction, or null when the finding is about the schema
 *                      (e.g. a guard trigger that was disabled)
 */
public record InvariantViolation(LedgerInvariant invariant, @Nullable Long transactionId, String detail) {
}

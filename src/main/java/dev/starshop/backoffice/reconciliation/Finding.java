package dev.starshop.backoffice.reconciliation;

import io.micronaut.serde.annotation.Serdeable;

/** One discrepancy found by a run and what was done about it. */
@Serdeable
record Finding(FindingKind kind, String telegramPaymentChargeId, String detail, FindingAction action) {
}

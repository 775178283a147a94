package dev.starshop.backoffice.reconciliation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A stored run; {@code findings} is empty in listings. */
@Serdeable
record ReconciliationRun(long id, String trigger, Instant startedAt, @Nullable Instant finishedAt, String status,
                         int transactionsSeen, int matched, int recorded, int flagged, @Nullable String failure,
                         List<Finding> findings) {
}

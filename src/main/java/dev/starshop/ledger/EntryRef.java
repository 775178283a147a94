package dev.starshop.ledger;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * Who and what a payment entry is about, apart from the amounts: keeps the factory methods of
 * {@link LedgerEntries} short and their arguments named.
 *
 * @param externalKey the idempotency key, e.g. {@code "payment:" + telegramPaymentChargeId}
 * @param occurredAt  the event's own time (Telegram's message date), stable across redeliveries
 */
public record EntryRef(String externalKey, Instant occurredAt, @Nullable UUID orderId, @Nullable Long buyerId,
                       @Nullable String telegramChargeId, @Nullable String providerChargeId) {
}

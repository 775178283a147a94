package dev.starshop.ledger;

import dev.starshop.money.Currency;
import dev.starshop.money.StarQuantity;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A ledger transaction about to be posted. The constructor refuses anything unbalanced, so an
 * instance is always postable as far as the arithmetic goes. Prefer {@link LedgerEntries} to build one.
 *
 * @param externalKey           the caller's natural key, unique in the ledger ("payment:&lt;charge id&gt;");
 *                              posting it again is a no-op if the content is the same
 * @param occurredAt            when the event happened by its own clock (e.g. Telegram's message date),
 *                              so a redelivery carries the same value; kept to the microsecond, the
 *                              database's precision (PostgreSQL would round, not truncate, the rest)
 * @param reversesTransactionId the payment a refund or chargeback corrects; null for payments
 * @param postings              signed amounts in {@code currency} summing to zero
 */
public record NewTransaction(String externalKey, EntryKind kind, Currency currency, Instant occurredAt,
                             @Nullable UUID orderId, @Nullable Long buyerId, @Nullable String telegramChargeId,
                             @Nullable String providerChargeId, @Nullable Long reversesTransactionId,
                             List<Posting> postings) {

    public NewTransaction {
        Objects.requireNonNull(externalKey, "externalKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (externalKey.isBlank() || externalKey.length() > 200) {
            throw new IllegalArgumentException("externalKey must be 1 to 200 characters");
        }
        if (kind.isReversal() != (reversesTransactionId != null)) {
            throw new IllegalArgumentException("Ledger invariant " + LedgerInvariant.REVERSAL_LINK + ": a "
                    + kind + (kind.isReversal() ? " must" : " must not") + " name the transaction it reverses");
        }
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        postings = List.copyOf(postings);
        requireBalanced(postings, externalKey);
        if (!currency.isStars() && postings.stream().anyMatch(p -> p.nanos() != 0)) {
            throw new IllegalArgumentException(externalKey + ": only Stars postings carry nanostars");
        }
    }

    private static void requireBalanced(List<Posting> postings, String externalKey) {
        if (postings.isEmpty()) {
            throw new UnbalancedTransactionException(LedgerInvariant.NON_EMPTY, externalKey + " has no postings");
        }
        long sum = 0;
        long nanos = 0;
        for (Posting posting : postings) {
            // addExact: an overflow that wraps back to zero must not pass for "balanced".
            sum = Math.addExact(sum, posting.amount());
            nanos = Math.addExact(nanos, posting.nanos());
        }
        // Balanced when sum * 10^9 + nanos = 0, checked without multiplying (which could overflow).
        if (nanos % StarQuantity.NANOS_PER_STAR != 0 || sum != -(nanos / StarQuantity.NANOS_PER_STAR)) {
            throw new UnbalancedTransactionException(LedgerInvariant.BALANCED,
                    externalKey + " debits exceed credits by " + sum + " and " + nanos + " nanos");
        }
    }
}

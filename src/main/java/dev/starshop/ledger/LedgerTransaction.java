package dev.starshop.ledger;

import dev.starshop.money.StarQuantity;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A transaction as the ledger holds it. Immutable in the database as well as here.
 *
 * @param currency   the currency code of every posting
 * @param recordedAt when the ledger wrote it (the engine's clock), as opposed to {@code occurredAt}
 */
public record LedgerTransaction(long id, String externalKey, EntryKind kind, String currency, Instant occurredAt,
                                Instant recordedAt, @Nullable UUID orderId, @Nullable Long buyerId,
                                @Nullable String telegramChargeId, @Nullable String providerChargeId,
                                @Nullable Long reversesTransactionId, List<Posting> postings) {

    private static final Comparator<Posting> CANONICAL =
            Comparator.comparing(Posting::account).thenComparingLong(Posting::amount).thenComparingInt(Posting::nanos);

    public LedgerTransaction {
        postings = List.copyOf(postings);
    }

    /** The sum of the debits (equal to the sum of the credits): the amount the transaction moved. */
    public long total() {
        return postings.stream().filter(Posting::isDebit).mapToLong(Posting::amount).sum();
    }

    /** The Stars the transaction moved (sum of its debits), fractions included; XTR transactions only. */
    public StarQuantity starsTotal() {
        return postings.stream().filter(Posting::isDebit).map(Posting::stars).reduce(StarQuantity.ZERO, StarQuantity::plus);
    }

    /**
     * Whether posting {@code tx} again would record the same thing. Postings compare in any order.
     */
    boolean sameContentAs(NewTransaction tx) {
        return externalKey.equals(tx.externalKey()) && kind == tx.kind() && currency.equals(tx.currency().code())
                && occurredAt.equals(tx.occurredAt())
                && Objects.equals(orderId, tx.orderId()) && Objects.equals(buyerId, tx.buyerId())
                && Objects.equals(telegramChargeId, tx.telegramChargeId())
                && Objects.equals(providerChargeId, tx.providerChargeId())
                && Objects.equals(reversesTransactionId, tx.reversesTransactionId())
                && canonical(postings).equals(canonical(tx.postings()));
    }

    private static List<Posting> canonical(List<Posting> postings) {
        return postings.stream().sorted(CANONICAL).toList();
    }
}

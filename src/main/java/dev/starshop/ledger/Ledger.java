package dev.starshop.ledger;

import dev.starshop.ledger.valuation.StarsValuations;
import dev.starshop.platform.db.WriteBehind;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The books: posts balanced transactions exactly once per external key and reads them back.
 * Posting happens inside the caller's transaction, so money and the business state it belongs to
 * (an order becoming PAID) commit together or not at all.
 */
@Singleton
public class Ledger {

    private final LedgerRepository repository;
    private final InvariantChecks invariants;
    private final StarsValuations valuations;
    private final Clock clock;
    private final WriteBehind writeBehind;
    private final WriteBehind.Table<Late> lateTransactions = this::postAll;

    /** A transaction {@link #postDeferred} left for the end of a shared commit, with when it was posted. */
    private record Late(NewTransaction tx, Instant recordedAt) {
    }

    Ledger(LedgerRepository repository, InvariantChecks invariants, StarsValuations valuations, Clock clock,
           WriteBehind writeBehind) {
        this.repository = repository;
        this.invariants = invariants;
        this.valuations = valuations;
        this.clock = clock;
        this.writeBehind = writeBehind;
    }

    /**
     * Records {@code tx}, or returns the transaction already recorded under its external key if
     * that one has the same content.
     *
     * @throws LedgerConflictException the key is taken by different content, or the transaction
     *                                 {@code tx} reverses already has a reversal of this kind
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public LedgerTransaction post(NewTransaction tx) {
        writeWhatWaits();
        var recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Long> id = repository.insert(tx, recordedAt);
        if (id.isEmpty()) {
            return alreadyRecorded(tx);
        }
        if (tx.currency().isStars()) {
            valuations.lock(id.get()); // the rate in force, locked once (docs/accounting.md, "Valuing Stars")
        }
        return new LedgerTransaction(id.get(), tx.externalKey(), tx.kind(), tx.currency().code(),
                tx.occurredAt(), recordedAt, tx.orderId(), tx.buyerId(),
                tx.telegramChargeId(), tx.providerChargeId(), tx.reversesTransactionId(), tx.postings());
    }

    /**
     * {@link #post} for a caller that does not need the transaction back (a payment's entry). In a
     * shared (group) commit the transaction waits and is written with the others of the batch by one
     * statement at its end, Stars ones valued by one more ({@link WriteBehind}), or earlier, when
     * something in the transaction reads the ledger through this class. There a key already recorded
     * is not answered as {@link #post} answers it: the statement throws, the shared transaction rolls
     * back and each of its updates is written again alone, where this posts at once.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void postDeferred(NewTransaction tx) {
        if (!writeBehind.offer(lateTransactions, new Late(tx, clock.instant().truncatedTo(ChronoUnit.MICROS)))) {
            post(tx);
        }
    }

    /** The transactions {@link #postDeferred} left for now, in one statement, and their Stars valuations in one. */
    private void postAll(List<Late> late) {
        List<Long> ids = repository.insertAll(late.stream().map(Late::tx).toList(),
                late.stream().map(Late::recordedAt).toList());
        List<Long> stars = new ArrayList<>();
        for (int i = 0; i < late.size(); i++) {
            if (late.get(i).tx().currency().isStars()) {
                stars.add(ids.get(i));
            }
        }
        if (!stars.isEmpty()) {
            valuations.lockAll(stars); // the rate in force, locked once (docs/accounting.md, "Valuing Stars")
        }
    }

    /** What waits for the end of a shared commit is written before anything here reads the ledger. */
    private void writeWhatWaits() {
        writeBehind.flush(lateTransactions);
    }

    @Transactional(readOnly = true)
    public Optional<LedgerTransaction> byExternalKey(String externalKey) {
        writeWhatWaits();
        return repository.findByKey(externalKey);
    }

    /** The order's payments and their reversals, oldest first. */
    @Transactional(readOnly = true)
    public List<LedgerTransaction> forOrder(UUID orderId) {
        writeWhatWaits();
        return repository.findByOrder(orderId);
    }

    /** Every account that has postings, once per currency; nothing is summed across currencies. */
    @Transactional(readOnly = true)
    public List<AccountBalance> balances() {
        writeWhatWaits();
        return repository.balances();
    }

    /** Scans the whole ledger for broken rules; empty when the books are sound. */
    @Transactional(readOnly = true)
    public List<InvariantViolation> checkInvariants() {
        writeWhatWaits();
        return invariants.run();
    }

    /** The insert hit a unique rule: either this key (a replay) or a second reversal. */
    private LedgerTransaction alreadyRecorded(NewTransaction tx) {
        Optional<LedgerTransaction> sameKey = repository.findByKey(tx.externalKey());
        if (sameKey.isPresent()) {
            if (sameKey.get().sameContentAs(tx)) {
                return sameKey.get();
            }
            throw new LedgerConflictException("Ledger key '" + tx.externalKey() + "' is already transaction "
                    + sameKey.get().id() + " with different content; refusing to replay it");
        }
        Long reversed = tx.reversesTransactionId();
        LedgerTransaction earlier = reversed == null ? null : repository.findReversal(reversed, tx.kind()).orElse(null);
        if (earlier == null) {
            throw new IllegalStateException("Ledger insert of '" + tx.externalKey() + "' conflicted with no known row");
        }
        throw new LedgerConflictException("Ledger invariant " + LedgerInvariant.REVERSED_AT_MOST_ONCE + ": transaction "
                + reversed + " already has a " + tx.kind() + " ('" + earlier.externalKey() + "')");
    }
}

package dev.starshop.backoffice.reconciliation;

import dev.starshop.checkout.stars.StarMovement;
import dev.starshop.events.AlertKind;
import dev.starshop.events.OperatorAlerts;
import dev.starshop.money.StarQuantity;
import dev.starshop.telegram.botapi.BotApiClient;
import dev.starshop.telegram.botapi.GetStarTransactions;
import dev.starshop.telegram.botapi.StarTransaction;
import dev.starshop.telegram.payments.StarHistoryDecoder;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs reconciliation under the run lock, stores the run with its findings as they are made, and
 * ends a successful run with the tie-out of Telegram's balance against the ledger.
 */
@Singleton
class ReconciliationService {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationService.class);
    private static final int PAGE = 100;

    private final BotApiClient telegram;
    private final Reconciler reconciler;
    private final ReconciliationRepository runs;
    private final TieOuts tieOuts;
    private final RunLock lock;
    private final OperatorAlerts alerts;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    ReconciliationService(BotApiClient telegram, Reconciler reconciler, ReconciliationRepository runs,
                          TieOuts tieOuts, RunLock lock, OperatorAlerts alerts,
                          TransactionOperations<Connection> transactions, Clock clock) {
        this.telegram = telegram;
        this.reconciler = reconciler;
        this.runs = runs;
        this.tieOuts = tieOuts;
        this.lock = lock;
        this.alerts = alerts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The finished run, or empty when another run holds the lock. */
    Optional<ReconciliationRun> run(String trigger) {
        Optional<RunLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        try (RunLock.Held ignored = held.get()) {
            long id = runs.start(trigger, clock.instant());
            RunCounts counts = new RunCounts();
            String failure = null;
            try {
                List<Unbooked> unbooked = reconciler.reconcile(history(), counts,
                        (finding, c) -> runs.addFinding(id, finding));
                tieOut(id, trigger, counts, unbooked);
            } catch (RuntimeException e) {
                LOG.warn("Reconciliation run {} failed", id, e);
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            runs.finish(id, clock.instant(), counts, failure);
            tellTheOperator(id, counts, failure);
            return runs.find(id);
        }
    }

    /** A run that recorded or flagged something, or failed, is news for the operator chat. */
    private void tellTheOperator(long runId, RunCounts counts, String failure) {
        if (counts.recorded() == 0 && counts.flagged() == 0 && failure == null) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("runId", runId);
        facts.put("recorded", counts.recorded());
        facts.put("flagged", counts.flagged());
        facts.put("failure", failure == null ? "" : failure);
        try {
            transactions.executeWrite(status -> {
                alerts.raise(AlertKind.RECONCILIATION, "reconciliation:" + runId, facts);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation run {}: the operator alert could not be kept: {}", runId, e.getMessage());
        }
    }


    /**
     * Telegram's balance against the ledger's position once the run has booked what it could; a
     * difference is a finding. Payments made between reading the history and the balance show as a
     * difference the next run explains.
     */
    private void tieOut(long runId, String trigger, RunCounts counts, List<Unbooked> unbooked) {
        StarQuantity balance = StarHistoryDecoder.balance(telegram.getMyStarBalance());
        TieOut tieOut = tieOuts.record(runId, trigger, clock.instant(), balance, tieOuts.ledgerPosition(), unbooked);
        if (!"TIED".equals(tieOut.status())) {
            Finding finding = new Finding(FindingKind.TIE_OUT, "(balance)", "Telegram holds "
                    + tieOut.telegramBalance() + " XTR, the ledger " + tieOut.ledgerPosition() + ": "
                    + tieOut.difference() + " apart, " + tieOut.explained() + " explained by "
                    + tieOut.explanation().size() + " entries (tie-out " + tieOut.id() + ", " + tieOut.status() + ")",
                    FindingAction.FLAGGED);
            counts.add(finding.action());
            runs.addFinding(runId, finding);
        }
    }

    /** Every page of the history, decoded; an entry seen twice (the list shifted while paging) counts once. */
    private List<StarMovement> history() {
        List<StarMovement> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int offset = 0; ; offset += PAGE) {
            List<StarTransaction> page = telegram.getStarTransactions(new GetStarTransactions(offset, PAGE))
                    .transactions();
            for (StarTransaction tx : page) {
                StarMovement movement = StarHistoryDecoder.decode(tx);
                if (seen.add((movement.incoming() ? "in:" : "out:") + movement.id())) {
                    all.add(movement);
                }
            }
            if (page.size() < PAGE) {
                return all;
            }
        }
    }
}

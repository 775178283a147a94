package dev.starshop.backoffice.reconciliation;

import dev.starshop.buyer.Buyer;
import dev.starshop.checkout.ReconciliationBook;
import dev.starshop.checkout.ReconciliationBook.Result;
import dev.starshop.telegram.botapi.StarTransaction;
import dev.starshop.telegram.botapi.User;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Matches Telegram's Stars history against our payments by charge id. Incoming payments come
 * first, oldest first, so that a refund or chargeback of a payment we also missed finds it booked
 * and a subscription's lost first payment starts it before a lost renewal extends it.
 */
@Singleton
class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final ReconciliationBook book;

    Reconciler(ReconciliationBook book) {
        this.book = book;
    }

    void reconcile(List<StarTransaction> history, RunCounts counts, BiConsumer<Finding, RunCounts> report) {
        counts.addSeen(history.size());
        history.stream().filter(tx -> tx.source() != null && tx.source().isUser())
                .sorted(Comparator.comparingLong(StarTransaction::date))
                .forEach(tx -> apply(tx, FindingKind.MISSING_PAYMENT, counts, report, () -> book.recordFoundPayment(
                        tx.id(), tx.amount(), buyer(tx), tx.source().invoicePayload(),
                        tx.source().subscriptionPeriod(), at(tx))));
        Set<String> paidIds = history.stream().filter(tx -> tx.source() != null && tx.source().isUser())
                .map(StarTransaction::id).collect(Collectors.toSet());
        for (StarTransaction tx : history) {
            if (tx.receiver() == null) {
                continue;
            }
            if (tx.receiver().isUser()) {
                apply(tx, FindingKind.OUTSIDE_REFUND, counts, report,
                        () -> book.recordOutsideRefund(tx.id(), tx.amount(), at(tx)));
            } else if (paidIds.contains(tx.id())) {
                apply(tx, FindingKind.CHARGEBACK, counts, report,
                        () -> book.recordChargeback(tx.id(), tx.amount(), at(tx)));
            }
            // any other outgoing entry (a withdrawal to Fragment, ads) is not a shop's payment
        }
        for (ReconciliationBook.LocalCharge local : book.starsCharges()) {
            if (!paidIds.contains(local.chargeId())) {
                flag(local, counts, report);
            }
        }
    }

    private void apply(StarTransaction tx, FindingKind kind, RunCounts counts, BiConsumer<Finding, RunCounts> report,
                       Supplier<Result> record) {
        Finding finding;
        try {
            Result result = record.get();
            if (result.outcome() == ReconciliationBook.Outcome.ALREADY_RECORDED) {
                counts.addMatched();
                return;
            }
            finding = recorded(tx, kind, result);
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation could not record {} {}", kind, tx.id(), e);
            finding = new Finding(kind, tx.id(), Math.abs(tx.amount()) + " XTR: could not record ("
                    + e.getClass().getSimpleName() + "); the next run tries again", FindingAction.FAILED);
        }
        counts.add(finding.action());
        report.accept(finding, counts);
    }

    private static Finding recorded(StarTransaction tx, FindingKind kind, Result result) {
        String detail = Math.abs(tx.amount()) + " XTR on " + at(tx)
                + (result.orderId() == null ? "" : ", order " + result.orderId())
                + (result.reviewReason() == null ? "" : "; needs review: " + result.reviewReason());
        return new Finding(kind, tx.id(), detail, result.outcome() == ReconciliationBook.Outcome.RECORDED
                ? FindingAction.RECORDED : FindingAction.RECORDED_FOR_REVIEW);
    }

    private static void flag(ReconciliationBook.LocalCharge local, RunCounts counts,
                             BiConsumer<Finding, RunCounts> report) {
        Finding finding = new Finding(FindingKind.UNKNOWN_TO_TELEGRAM, local.chargeId(), local.kind() + " of "
                + local.totalAmount() + " XTR on " + local.occurredAt()
                + (local.orderId() == null ? "" : ", order " + local.orderId())
                + " is not in Telegram's Stars history; nothing was changed", FindingAction.FLAGGED);
        counts.add(finding.action());
        report.accept(finding, counts);
    }

    /** The paying user, in the domain's terms; Telegram names one on every user payment. */
    private static Buyer buyer(StarTransaction tx) {
        User user = tx.source().user();
        if (user == null) {
            throw new IllegalStateException("A user payment without its user");
        }
        return new Buyer(user.id(), user.firstName(), user.lastName(), user.username(), user.languageCode(),
                Boolean.TRUE.equals(user.isPremium()));
    }

    private static Instant at(StarTransaction tx) {
        return Instant.ofEpochSecond(tx.date());
    }
}

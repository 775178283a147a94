package dev.starshop.backoffice.reconciliation;

import dev.starshop.checkout.ReconciliationBook;
import dev.starshop.checkout.ReconciliationBook.Result;
import dev.starshop.checkout.stars.StarBookings;
import dev.starshop.checkout.stars.StarHistory;
import dev.starshop.checkout.stars.StarKind;
import dev.starshop.checkout.stars.StarMovement;
import dev.starshop.checkout.stars.StarPartner;
import dev.starshop.checkout.stars.StarsBook;
import dev.starshop.money.StarQuantity;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Matches Telegram's Stars history against our payments and books by kind (see docs/reconciliation.md).
 * Invoice payments come first, oldest first, so that a refund or chargeback of a payment we also
 * missed finds it booked and a subscription's lost first payment starts it before a lost renewal
 * extends it; then refunds and chargebacks; then every other kind through {@link StarsBook}.
 */
@Singleton
class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final Set<StarKind> PAYMENT_PATH = EnumSet.of(StarKind.INVOICE_PAYMENT, StarKind.INVOICE_REFUND,
            StarKind.CHARGEBACK);

    private final ReconciliationBook book;
    private final StarsBook stars;

    Reconciler(ReconciliationBook book, StarsBook stars) {
        this.book = book;
        this.stars = stars;
    }

    /** @return what the ledger does not reflect after this run: the tie-out's explanations */
    List<Unbooked> reconcile(List<StarMovement> movements, RunCounts counts, BiConsumer<Finding, RunCounts> report) {
        counts.addSeen(movements.size());
        StarHistory history = StarHistory.of(movements);
        List<StarMovement> byDate = movements.stream().sorted(Comparator.comparing(StarMovement::at)).toList();
        List<Unbooked> unbooked = new ArrayList<>();
        Run run = new Run(counts, report, unbooked);
        byDate.stream().filter(m -> history.classify(m) == StarKind.INVOICE_PAYMENT)
                .forEach(m -> run.apply(m, FindingKind.MISSING_PAYMENT, () -> foundPayment(m)));
        for (StarMovement m : byDate) {
            StarKind kind = history.classify(m);
            if (kind == StarKind.INVOICE_REFUND) {
                run.apply(m, FindingKind.OUTSIDE_REFUND,
                        () -> book.recordOutsideRefund(m.id(), whole(m.stars()), m.at()));
            } else if (kind == StarKind.CHARGEBACK) {
                run.apply(m, FindingKind.CHARGEBACK, () -> book.recordChargeback(m.id(), whole(m.stars()), m.at()));
            }
        }
        for (StarMovement m : byDate) {
            StarKind kind = history.classify(m);
            if (!PAYMENT_PATH.contains(kind) || affiliateOf(m) != null) {
                run.book(m, kind, () -> stars.book(m, kind, history));
            }
        }
        for (ReconciliationBook.LocalCharge local : book.starsCharges()) {
            if (!history.paymentIds().contains(local.chargeId())) {
                run.flag(local);
            }
        }
        return unbooked;
    }

    private Result foundPayment(StarMovement m) {
        StarPartner.User user = (StarPartner.User) m.partner();
        return book.recordFoundPayment(m.id(), whole(StarBookings.gross(m)), user.buyer(), user.invoicePayload(),
                user.subscriptionPeriodSeconds(), m.at());
    }

    /** Invoice payments, refunds and chargebacks are whole Stars; a fraction there is not booked by guess. */
    private static long whole(StarQuantity stars) {
        if (!stars.isWhole()) {
            throw new IllegalArgumentException("an invoice payment, refund or chargeback of " + stars
                    + " is not whole Stars");
        }
        return stars.wholeStars();
    }

    private static StarPartner.AffiliateShare affiliateOf(StarMovement m) {
        return m.partner() instanceof StarPartner.User user ? user.affiliate() : null;
    }

    /** One run's counters, its report and what it could not book. */
    private record Run(RunCounts counts, BiConsumer<Finding, RunCounts> report, List<Unbooked> unbooked) {

        void apply(StarMovement m, FindingKind kind, Supplier<Result> record) {
            Finding finding;
            try {
                Result result = record.get();
                if (result.outcome() == ReconciliationBook.Outcome.ALREADY_RECORDED) {
                    counts.addMatched();
                    return;
                }
                finding = Findings.recorded(m, kind, result);
            } catch (RuntimeException e) {
                LOG.warn("Reconciliation could not record {} {}", kind, m.id(), e);
                finding = Findings.failed(m, kind, e);
                unbooked.add(Unbooked.of(m, kind.name(), finding.detail()));
            }
            add(finding);
        }

        void book(StarMovement m, StarKind kind, Supplier<StarsBook.Booking> booking) {
            Finding finding;
            try {
                StarsBook.Booking done = booking.get();
                switch (done.outcome()) {
                    case ALREADY_BOOKED -> {
                        counts.addMatched();
                        return;
                    }
                    case BOOKED -> finding = Findings.booked(m, kind, done.detail());
                    default -> {
                        finding = Findings.notBooked(m, kind, done.detail());
                        unbooked.add(Unbooked.of(m, kind.name(), done.detail()));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("Reconciliation could not book {} {}", kind, m.id(), e);
                finding = Findings.failed(m, FindingKind.BOOKED, e);
                unbooked.add(Unbooked.of(m, kind.name(), finding.detail()));
            }
            add(finding);
        }

        void flag(ReconciliationBook.LocalCharge local) {
            Finding finding = Findings.unknownToTelegram(local);
            unbooked.add(new Unbooked(local.chargeId(), "UNKNOWN_TO_TELEGRAM",
                    StarQuantity.ofStars(local.totalAmount()).negate(), finding.detail()));
            add(finding);
        }

        private void add(Finding finding) {
            counts.add(finding.action());
            report.accept(finding, counts);
        }
    }
}

package dev.starshop.backoffice.reconciliation;

import dev.starshop.checkout.ReconciliationBook;
import dev.starshop.checkout.ReconciliationBook.Result;
import dev.starshop.checkout.stars.StarKind;
import dev.starshop.checkout.stars.StarMovement;

/** The findings a run reports, with details a person can act on. */
final class Findings {

    private Findings() {
    }

    static Finding recorded(StarMovement m, FindingKind kind, Result result) {
        String detail = m.stars() + " on " + m.at()
                + (result.orderId() == null ? "" : ", order " + result.orderId())
                + (result.reviewReason() == null ? "" : "; needs review: " + result.reviewReason());
        return new Finding(kind, m.id(), detail, result.outcome() == ReconciliationBook.Outcome.RECORDED
                ? FindingAction.RECORDED : FindingAction.RECORDED_FOR_REVIEW);
    }

    static Finding booked(StarMovement m, StarKind kind, String postings) {
        return new Finding(FindingKind.BOOKED, m.id(), kind + " " + direction(m) + " " + m.stars() + " on " + m.at()
                + ": " + postings, FindingAction.RECORDED);
    }

    static Finding notBooked(StarMovement m, StarKind kind, String reason) {
        return new Finding(kind == StarKind.UNKNOWN ? FindingKind.UNRECOGNISED : FindingKind.NOT_BOOKED, m.id(),
                kind + " " + direction(m) + " " + m.stars() + " on " + m.at() + " not booked: " + reason,
                FindingAction.FLAGGED);
    }

    static Finding failed(StarMovement m, FindingKind kind, RuntimeException e) {
        return new Finding(kind, m.id(), m.stars() + ": could not record (" + e.getClass().getSimpleName()
                + "); the next run tries again", FindingAction.FAILED);
    }

    static Finding unknownToTelegram(ReconciliationBook.LocalCharge local) {
        return new Finding(FindingKind.UNKNOWN_TO_TELEGRAM, local.chargeId(), local.kind() + " of "
                + local.totalAmount() + " XTR on " + local.occurredAt()
                + (local.orderId() == null ? "" : ", order " + local.orderId())
                + " is not in Telegram's Stars history; nothing was changed", FindingAction.FLAGGED);
    }

    private static String direction(StarMovement m) {
        return m.incoming() ? "in" : "out";
    }
}

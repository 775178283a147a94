package dev.starshop.backoffice.reconciliation;

/** Running totals of a run; mutable only inside the run's own thread. */
final class RunCounts {

    private int seen;
    private int matched;
    private int recorded;
    private int flagged;

    void addSeen(int transactions) {
        seen += transactions;
    }

    void addMatched() {
        matched++;
    }

    void add(FindingAction action) {
        if (action == FindingAction.RECORDED || action == FindingAction.RECORDED_FOR_REVIEW) {
            recorded++;
        } else {
            flagged++;
        }
    }

    int seen() {
        return seen;
    }

    int matched() {
        return matched;
    }

    int recorded() {
        return recorded;
    }

    int flagged() {
        return flagged;
    }
}

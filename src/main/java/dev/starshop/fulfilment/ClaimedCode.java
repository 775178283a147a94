package dev.starshop.fulfilment;

/**
 * A code claimed for one unit of an order line. {@link #toString()} hides the code: it is a secret
 * and must never reach a log line by accident (docs/fulfilment.md).
 */
public record ClaimedCode(long id, String code) {

    @Override
    public String toString() {
        return "ClaimedCode[id=" + id + ", code=<hidden>]";
    }
}

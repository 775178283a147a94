package dev.starshop.sandbox;

import java.time.Instant;

/** The last delivery error, which getWebhookInfo reports as last_error_date/message. */
final class WebhookErrors {

    record LastError(long date, String message) {
    }

    private volatile LastError last;

    void record(Instant at, String message) {
        last = new LastError(at.getEpochSecond(), message);
    }

    LastError last() {
        return last;
    }

    void clear() {
        last = null;
    }
}

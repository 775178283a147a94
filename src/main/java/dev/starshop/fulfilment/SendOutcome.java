package dev.starshop.fulfilment;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/** What became of one call to the buyer's chat, as the {@link DeliveryChannel} reports it. */
public sealed interface SendOutcome {

    /** Telegram accepted it; {@code fileId} is the document's id when one was sent. */
    record Sent(long messageId, @Nullable String fileId) implements SendOutcome {
    }

    /**
     * Worth repeating later: flood control (429, with Telegram's {@code retry_after}), a 5xx, a
     * timeout or a broken connection. The reason never contains what was sent.
     */
    record RetryLater(String reason, @Nullable Duration retryAfter) implements SendOutcome {
    }

    /** Refused for good (400 chat not found, 403 bot blocked, …): repeating gets the same answer. */
    record Refused(String reason) implements SendOutcome {
    }
}

package dev.starshop.telegram.updates;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Carries out what a handler asked for once its transaction committed: direct Bot API calls
 * (except the one answered inline) and a nudge to the outbox sender.
 */
@Singleton
class AfterCommitActions {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommitActions.class);

    private final BotCallSender sender;
    private final OutboxNudge outbox;

    AfterCommitActions(BotCallSender sender, OutboxNudge outbox) {
        this.sender = sender;
        this.outbox = outbox;
    }

    void run(AfterCommit after, Optional<BotCall> answeredInline) {
        for (BotCall call : after.calls()) {
            if (answeredInline.filter(call::equals).isEmpty()) {
                send(call);
            }
        }
        if (after.isOutboxWritten()) {
            outbox.nudge();
        }
    }

    /**
     * A call that needs no commit (a refusal while the database is down). Best effort like the
     * others: a failed call is logged, and Telegram's own timeout takes over.
     */
    void sendWithoutCommit(BotCall call) {
        send(call);
    }

    /** The effect is committed; a failed call is logged, and Telegram's own timeout takes over. */
    private void send(BotCall call) {
        try {
            sender.send(call);
        } catch (RuntimeException e) {
            LOG.warn("Bot API call {} after commit failed: {}", call.method(), e.getMessage());
        }
    }
}

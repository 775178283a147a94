package dev.starshop.telegram.updates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What handlers ask to happen once the update's transaction has committed. */
public final class AfterCommit {

    private final List<BotCall> calls = new ArrayList<>();
    private boolean outboxWritten;

    /** A direct Bot API call, for answers that cannot wait for the outbox (pre-checkout, shipping). */
    public void call(BotCall call) {
        calls.add(call);
    }

    /** The handler wrote to the bot outbox; the sender should look now rather than at its next tick. */
    public void outboxWritten() {
        outboxWritten = true;
    }

    List<BotCall> calls() {
        return List.copyOf(calls);
    }

    boolean isOutboxWritten() {
        return outboxWritten;
    }

    /** The single answer that may travel in the webhook response instead of a separate call. */
    Optional<BotCall> inlineAnswer() {
        return calls.size() == 1 && isInlineable(calls.get(0)) ? Optional.of(calls.get(0)) : Optional.empty();
    }

    private static boolean isInlineable(BotCall call) {
        return call.method().equals("answerPreCheckoutQuery") || call.method().equals("answerShippingQuery");
    }
}

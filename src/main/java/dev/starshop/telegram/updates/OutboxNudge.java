package dev.starshop.telegram.updates;

/** Tells the outbox sender that new rows committed, so it need not wait for its next tick. */
public interface OutboxNudge {

    void nudge();
}

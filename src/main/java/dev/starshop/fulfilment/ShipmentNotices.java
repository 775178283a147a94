package dev.starshop.fulfilment;

/**
 * How fulfilment tells a buyer about their shipment: a message queued in the caller's transaction
 * and sent after it commits, at most once per key. Implemented by the bot (telegram's outbox), so
 * fulfilment never sees Telegram's types.
 */
public interface ShipmentNotices {

    /**
     * @param dedupeKey the same key queues nothing a second time
     * @param chatId    the buyer's private chat with the bot (their Telegram user id)
     * @param text      the message, already in the buyer's language
     */
    void queue(String dedupeKey, long chatId, String text);

    /** Called after the commit: send what was queued now rather than at the outbox's next tick. */
    void sendQueued();
}

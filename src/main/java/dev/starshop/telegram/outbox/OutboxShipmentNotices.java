package dev.starshop.telegram.outbox;

import dev.starshop.fulfilment.ShipmentNotices;
import dev.starshop.telegram.botapi.SendMessage;
import dev.starshop.telegram.updates.OutboxNudge;
import jakarta.inject.Singleton;

/** Fulfilment's shipment messages, sent by the bot through its outbox after the step commits. */
@Singleton
class OutboxShipmentNotices implements ShipmentNotices {

    private final BotOutbox outbox;
    private final OutboxNudge nudge;

    OutboxShipmentNotices(BotOutbox outbox, OutboxNudge nudge) {
        this.outbox = outbox;
        this.nudge = nudge;
    }

    @Override
    public void queue(String dedupeKey, long chatId, String text) {
        outbox.enqueue(dedupeKey, SendMessage.text(chatId, text));
    }

    @Override
    public void sendQueued() {
        nudge.nudge();
    }
}

package dev.starshop.telegram.outbox;

import dev.starshop.platform.db.WriteBehind;
import dev.starshop.telegram.botapi.SendMessage;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Messages the bot will send once the caller's transaction commits. The dedupe key makes enqueuing
 * idempotent: a redelivered update that enqueues the same reply again adds nothing.
 */
@Singleton
public class BotOutbox {

    static final String SEND_MESSAGE = "sendMessage";

    private final OutboxRepository outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final WriteBehind writeBehind;
    private final WriteBehind.Table<OutboxRepository.NewMessage> rows;

    BotOutbox(OutboxRepository outbox, JsonMapper json, Clock clock, WriteBehind writeBehind) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.writeBehind = writeBehind;
        this.rows = outbox::insertAll;
    }

    /** Returns false when a message with this key was enqueued before. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean enqueue(String dedupeKey, SendMessage message) {
        return outbox.insert(dedupeKey, SEND_MESSAGE, payload(dedupeKey, message), clock.instant());
    }

    /**
     * {@link #enqueue}, for a caller that need not know whether the key was new (a receipt: its key
     * is the charge's, already proven new). In a group commit the message is written with the
     * batch's others, in one statement before the commit ({@link WriteBehind}); otherwise at once.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void add(String dedupeKey, SendMessage message) {
        OutboxRepository.NewMessage row = new OutboxRepository.NewMessage(dedupeKey, SEND_MESSAGE,
                payload(dedupeKey, message), clock.instant());
        if (!writeBehind.offer(rows, row)) {
            outbox.insert(row.dedupeKey(), row.method(), row.payload(), row.now());
        }
    }

    private String payload(String dedupeKey, SendMessage message) {
        try {
            return new String(json.writeValueAsBytes(message), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialise the message for " + dedupeKey, e);
        }
    }
}

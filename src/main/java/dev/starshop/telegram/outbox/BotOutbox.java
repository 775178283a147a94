package dev.starshop.telegram.outbox;

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

    BotOutbox(OutboxRepository outbox, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Returns false when a message with this key was enqueued before. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean enqueue(String dedupeKey, SendMessage message) {
        try {
            String payload = new String(json.writeValueAsBytes(message), StandardCharsets.UTF_8);
            return outbox.insert(dedupeKey, SEND_MESSAGE, payload, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialise the message for " + dedupeKey, e);
        }
    }
}

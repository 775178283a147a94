package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;

/**
 * Messages from the user in the private chat with the bot (text, and the service messages for
 * successful and refunded payments), recorded in the chat and published as {@code message} updates.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class ServiceMessages {

    private final Chats chats;
    private final UpdatePublisher publisher;
    private final Clock clock;
    private final FaultKnobs faults;

    ServiceMessages(Chats chats, UpdatePublisher publisher, Clock clock, FaultKnobs faults) {
        this.chats = chats;
        this.faults = faults;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Null when a fault knob made Telegram lose the update. */
    TrackedUpdate post(SandboxUser user, String field, Object content) {
        Map<String, Object> message = Json.obj("message_id", chats.nextMessageId(user.id()),
                "from", user.toTelegram(), "chat", user.privateChat(),
                "date", clock.instant().getEpochSecond(), field, content);
        chats.record(user.id(), message);
        if (faults.takeLostUpdate(field)) {
            return null;
        }
        return publisher.publish(user.id(), "message", message);
    }
}

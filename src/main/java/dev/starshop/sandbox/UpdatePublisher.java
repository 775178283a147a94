package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Telegram-side events become updates: filtered by allowed_updates, queued, and handed to
 * the webhook when one is set.
 */
@Singleton
@Requires(missingProperty = "starshop.telegram.bot-token")
final class UpdatePublisher {

    /** Telegram's default leaves out these three kinds. */
    private static final Set<String> OPT_IN = Set.of("chat_member", "message_reaction", "message_reaction_count");

    private final UpdateStore store;
    private final WebhookDispatcher webhook;
    private volatile List<String> allowedUpdates = List.of();

    UpdatePublisher(UpdateStore store, WebhookDispatcher webhook) {
        this.store = store;
        this.webhook = webhook;
    }

    /** Null when the bot did not subscribe to this kind (Telegram then never creates the update). */
    TrackedUpdate publish(long userId, String kind, Map<String, Object> payload) {
        if (!accepts(kind)) {
            return null;
        }
        TrackedUpdate update = store.add(userId, kind, payload);
        webhook.kick(userId);
        return update;
    }

    /** Null keeps the previous setting, as the Bot API specifies. */
    void allowedUpdates(List<String> kinds) {
        if (kinds != null) {
            allowedUpdates = List.copyOf(kinds);
        }
    }

    List<String> allowedUpdates() {
        return allowedUpdates;
    }

    private boolean accepts(String kind) {
        List<String> allowed = allowedUpdates;
        return allowed.isEmpty() ? !OPT_IN.contains(kind) : allowed.contains(kind);
    }
}

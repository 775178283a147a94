package dev.starshop.events;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The chat operator alerts go to, decided once: the configured {@code STARSHOP_OPERATOR_CHAT_ID},
 * or in sandbox mode (no bot token) the emulator's operator group; with neither, no alerts are kept.
 */
@Singleton
public class OperatorChatTarget {

    private final OptionalLong chatId;
    private final OperatorSettings settings;
    /** The kinds not muted, read from {@code starshop.operator.muted} once (every payment asks). */
    private final Set<AlertKind> on;

    OperatorChatTarget(OperatorSettings settings, @Value("${starshop.telegram.bot-token:}") @Nullable String botToken) {
        this.settings = settings;
        this.chatId = resolve(settings.chatId(), botToken == null || botToken.isBlank());
        Set<AlertKind> notMuted = EnumSet.noneOf(AlertKind.class);
        Arrays.stream(AlertKind.values()).filter(settings::isOn).forEach(notMuted::add);
        this.on = Collections.unmodifiableSet(notMuted);
    }

    static OptionalLong resolve(@Nullable String configured, boolean sandbox) {
        if (configured != null && !configured.isBlank()) {
            try {
                return OptionalLong.of(Long.parseLong(configured.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("starshop.operator.chat-id must be a numeric chat id, like -1001234567890");
            }
        }
        return sandbox ? OptionalLong.of(OperatorSettings.SANDBOX_CHAT_ID) : OptionalLong.empty();
    }

    public OptionalLong chatId() {
        return chatId;
    }

    public Optional<Integer> topicId() {
        return Optional.ofNullable(settings.topicId());
    }

    /** Whether an alert of this kind is kept for the chat: a chat is set and the kind is not switched off. */
    public boolean wants(AlertKind kind) {
        return chatId.isPresent() && on.contains(kind);
    }
}

package dev.starshop.events;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The operator chat (docs/operations.md, "Operator chat").
 *
 * @param chatId             {@code STARSHOP_OPERATOR_CHAT_ID}: the group (or private chat) alerts go to;
 *                           absent → no alerts, except in sandbox mode, where the emulator's
 *                           "Shop operators" group ({@link #SANDBOX_CHAT_ID}) is the default
 * @param topicId            a forum topic of that group ({@code message_thread_id}), or absent
 * @param language           {@code en} or {@code zh}
 * @param muted              alert kinds switched off, comma separated ({@link AlertKind#configName}); not
 *                           named {@code off}, which YAML 1.1 reads as the boolean false
 * @param codePoolThreshold  a code pool falling below this many codes is reported
 * @param perMinute          most messages per minute to the chat (Telegram: 20 per minute in a group)
 * @param interval           least time between two messages (Telegram: about one per second per chat)
 * @param recheck            how long alerts wait after the chat refused a message before one more try
 * @param consoleUrl         base URL of the console for links in messages; absent → the public URL,
 *                           else the engine's own address
 */
@ConfigurationProperties("starshop.operator")
public record OperatorSettings(
        @Nullable String chatId,
        @Nullable Integer topicId,
        @Bindable(defaultValue = "en") String language,
        @Nullable String muted,
        @Bindable(defaultValue = "10") int codePoolThreshold,
        @Bindable(defaultValue = "20") int perMinute,
        @Bindable(defaultValue = "1s") Duration interval,
        @Bindable(defaultValue = "10m") Duration recheck,
        @Nullable String consoleUrl) {

    /** The emulator's operator group: the default operator chat in sandbox mode. */
    public static final long SANDBOX_CHAT_ID = -1009000000001L;

    public boolean isOn(AlertKind kind) {
        return muted == null || Arrays.stream(muted.split(",")).map(AlertKind::byConfigName)
                .noneMatch(k -> k.isPresent() && k.get() == kind);
    }

    /** Names in {@code muted} that are no alert kind (reported at start-up, so a typo does not go unseen). */
    public List<String> unknownKindsOff() {
        return muted == null ? List.of() : Arrays.stream(muted.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty() && AlertKind.byConfigName(s).isEmpty()).toList();
    }
}

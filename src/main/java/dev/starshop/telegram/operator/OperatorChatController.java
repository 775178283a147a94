package dev.starshop.telegram.operator;

import dev.starshop.events.AlertKind;
import dev.starshop.events.OperatorChatTarget;
import dev.starshop.events.OperatorSettings;
import dev.starshop.platform.admin.AdminOnly;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The operator chat as the console shows it: where alerts go, which kinds, and whether the chat takes them. */
@Controller("/api/admin/operator-chat")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class OperatorChatController {

    @Serdeable
    record ChatStatus(@Nullable Long chatId, @Nullable Integer topicId, String language, List<String> kindsOn,
                      List<String> kindsOff, boolean writable, @Nullable Instant refusedSince,
                      @Nullable String refusal, @Nullable Instant nextTry, Map<String, Long> alerts) {
    }

    private final OperatorChat chat;
    private final OperatorChatTarget target;
    private final OperatorSettings settings;
    private final OperatorAlertRepository alerts;
    private final TransactionOperations<Connection> transactions;

    OperatorChatController(OperatorChat chat, OperatorChatTarget target, OperatorSettings settings,
                           OperatorAlertRepository alerts, TransactionOperations<Connection> transactions) {
        this.chat = chat;
        this.target = target;
        this.settings = settings;
        this.alerts = alerts;
        this.transactions = transactions;
    }

    @Get
    ChatStatus status() {
        OperatorChat.State state = chat.state();
        List<String> on = Arrays.stream(AlertKind.values()).filter(settings::isOn).map(AlertKind::configName).toList();
        List<String> off = Arrays.stream(AlertKind.values()).filter(k -> !settings.isOn(k)).map(AlertKind::configName)
                .toList();
        return new ChatStatus(target.chatId().isPresent() ? target.chatId().getAsLong() : null,
                target.topicId().orElse(null), settings.language(), on, off, state.writable(), state.since(),
                state.error(), state.nextTry(), transactions.executeRead(s -> alerts.countsByStatus()));
    }

    /** Tries the chat again on the next round (after the bot was added back to the group). */
    @Post("/retry")
    ChatStatus retry() {
        chat.tryAgainNow();
        return status();
    }
}

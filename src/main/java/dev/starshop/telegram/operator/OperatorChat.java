package dev.starshop.telegram.operator;

import dev.starshop.events.AlertKind;
import dev.starshop.events.OperatorChatTarget;
import dev.starshop.events.OperatorSettings;
import dev.starshop.telegram.botapi.SendMessage;
import dev.starshop.telegram.outbox.BotOutbox;
import dev.starshop.telegram.updates.OutboxNudge;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends waiting operator alerts to the operator chat through the bot outbox, within Telegram's limits
 * ({@link ChatRateLimit}), batched by {@link AlertBatcher}. A chat that refuses a message (the bot
 * was removed, the chat does not exist: Bot API 400/403) is reported once in the log and in the
 * console; its alerts wait, and one more message is tried every {@code starshop.operator.recheck}
 * (or at once from the console), so there is no loop of refused calls and no alert is lost.
 */
@Singleton
class OperatorChat {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorChat.class);
    private static final int WAITING_LIMIT = 1000;

    /** Whether the chat takes messages; {@code since}/{@code error} describe the last refusal. */
    record State(boolean writable, @Nullable Instant since, @Nullable String error, @Nullable Instant nextTry) {
        static final State OK = new State(true, null, null, null);
    }

    private final OperatorAlertRepository alerts;
    private final BotOutbox outbox;
    private final OutboxNudge nudge;
    private final OperatorChatTarget target;
    private final OperatorSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final BeanProvider<EmbeddedServer> server;
    private final String configuredBase;
    private final Clock clock;
    private final ChatRateLimit rateLimit;
    private final OperatorTexts texts;
    private final AtomicReference<State> state = new AtomicReference<>(State.OK);

    OperatorChat(OperatorAlertRepository alerts, BotOutbox outbox, OutboxNudge nudge, OperatorChatTarget target,
                 OperatorSettings settings, TransactionOperations<Connection> transactions,
                 BeanProvider<EmbeddedServer> server, @Value("${starshop.public-url:}") @Nullable String publicUrl,
                 Clock clock) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.nudge = nudge;
        this.target = target;
        this.settings = settings;
        this.transactions = transactions;
        this.server = server;
        this.configuredBase = settings.consoleUrl() != null && !settings.consoleUrl().isBlank() ? settings.consoleUrl()
                : publicUrl == null ? "" : publicUrl;
        this.clock = clock;
        this.rateLimit = new ChatRateLimit(settings.interval(), settings.perMinute());
        this.texts = OperatorTexts.forLanguage(settings.language());
    }

    @Scheduled(fixedDelay = "${starshop.operator.interval:1s}", initialDelay = "${starshop.operator.interval:1s}")
    void tick() {
        if (target.chatId().isEmpty() || !serverKnown()) {
            return;
        }
        try {
            settleQueued();
            sendWaiting();
        } catch (RuntimeException e) {
            LOG.warn("Operator alerts could not be handled this round: {}", e.getMessage());
        }
    }

    State state() {
        return state.get();
    }

    /** The console's "try again": the next round sends even though the chat refused the last message. */
    void tryAgainNow() {
        state.updateAndGet(s -> s.writable() ? s : new State(false, s.since(), s.error(), clock.instant()));
    }

    private void settleQueued() {
        List<OperatorAlertRepository.Outcome> outcomes = transactions.executeRead(s -> alerts.settledMessages());
        for (OperatorAlertRepository.Outcome outcome : outcomes) {
            transactions.executeWrite(s -> {
                if (outcome.status().equals("FAILED")) {
                    alerts.backToWaiting(outcome.key());
                    // a message to another chat (the configuration changed since) says nothing about this one
                    if (outcome.key().startsWith(keyPrefix())) {
                        refused(outcome.error());
                    }
                } else {
                    alerts.sent(outcome.key(), clock.instant());
                    writable();
                }
                return null;
            });
        }
    }

    private void sendWaiting() {
        Instant now = clock.instant();
        State current = state.get();
        if (!current.writable() && current.nextTry() != null && now.isBefore(current.nextTry())) {
            return;
        }
        int budget = rateLimit.budget(now);
        if (budget == 0) {
            return;
        }
        int queued = transactions.executeWrite(s -> {
            List<AlertKind> wanted = Arrays.stream(AlertKind.values()).filter(target::wants).toList();
            List<AlertBatcher.Planned> planned = AlertBatcher.plan(alerts.waiting(wanted, WAITING_LIMIT), budget,
                    texts, consoleUrl(), now);
            planned.forEach(this::enqueue);
            return planned.size();
        });
        if (queued > 0) {
            for (int i = 0; i < queued; i++) {
                rateLimit.sent(now);
            }
            if (!current.writable()) {
                state.set(new State(false, current.since(), current.error(), now.plus(settings.recheck())));
            }
            nudge.nudge();
        }
    }

    private void enqueue(AlertBatcher.Planned message) {
        String key = keyPrefix() + message.alertIds().get(0) + ":" + message.alertIds().size();
        outbox.enqueue(key, SendMessage.inTopic(target.chatId().getAsLong(), target.topicId().orElse(null),
                message.text()));
        alerts.queued(message.alertIds(), key);
    }

    /** Bot outbox keys of this chat's messages: {@code operator:<chat id>:<first alert id>:<alerts>}. */
    private String keyPrefix() {
        return "operator:" + target.chatId().getAsLong() + ":";
    }

    private void refused(@Nullable String error) {
        Instant now = clock.instant();
        State before = state.getAndSet(new State(false, now, error, now.plus(settings.recheck())));
        if (before.writable()) {
            LOG.warn("The operator chat {} refused a message ({}); alerts are kept and one more message is tried "
                    + "every {} or from the console", target.chatId().getAsLong(), error, settings.recheck());
        }
    }

    private void writable() {
        State before = state.getAndSet(State.OK);
        if (!before.writable()) {
            LOG.info("The operator chat {} takes messages again", target.chatId().getAsLong());
        }
    }

    /** The console link needs the engine's address when no base is configured: wait for the server. */
    private boolean serverKnown() {
        return !configuredBase.isBlank() || (server.isPresent() && server.get().isRunning());
    }

    /** Where the console's orders are: the configured base, else the public URL, else this engine's address. */
    String consoleUrl() {
        String base = configuredBase;
        if (base.isBlank() && server.isPresent()) {
            base = server.get().getURL().toString();
        }
        return base.replaceAll("/+$", "") + "/admin/#/orders";
    }
}

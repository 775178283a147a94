package dev.starshop.events;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Alerts for the operator chat, kept in the caller's transaction: an alert exists exactly when the
 * news it reports committed. The telegram side (telegram.operator) batches them into bot messages.
 * Facts are plain values for the message (short texts, displays), never secrets.
 */
@Singleton
public class OperatorAlerts {

    private final Sql sql;
    private final JsonMapper json;
    private final OperatorChatTarget chat;
    private final OperatorSettings settings;
    private final Clock clock;

    OperatorAlerts(Sql sql, JsonMapper json, OperatorChatTarget chat, OperatorSettings settings, Clock clock) {
        this.sql = sql;
        this.json = json;
        this.chat = chat;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether an alert of this kind would be kept (the operator chat is set and wants it). */
    public boolean wants(AlertKind kind) {
        return chat.wants(kind);
    }

    /**
     * Keeps an alert unless its kind is off or no chat is set. {@code dedupeKey} (optional) makes it
     * idempotent: a second alert with the same key adds nothing.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void raise(AlertKind kind, @Nullable String dedupeKey, Map<String, ?> facts) {
        if (!chat.wants(kind)) {
            return;
        }
        sql.update("""
                INSERT INTO operator_alerts (kind, dedupe_key, facts, created_at)
                VALUES (:kind, :dedupeKey, :facts::jsonb, :now)
                ON CONFLICT (dedupe_key) DO NOTHING""",
                Params.of("kind", kind).and("dedupeKey", dedupeKey).and("facts", text(facts))
                        .and("now", clock.instant()));
    }

    /**
     * The fulfilment hook: call it in the transaction that took codes from a pool. Reports a pool
     * that fell below {@code starshop.operator.code-pool-threshold} with this claim, or ran empty.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void codePoolClaimed(String sku, long availableBefore, long availableAfter) {
        if (!crossedThreshold(availableBefore, availableAfter, settings.codePoolThreshold())) {
            return;
        }
        raise(AlertKind.CODE_POOL_LOW, null, Map.of("sku", sku, "available", availableAfter,
                "threshold", settings.codePoolThreshold()));
    }

    /** True once when a pool goes below the threshold, and once more when it runs out. */
    static boolean crossedThreshold(long before, long after, int threshold) {
        boolean fellBelow = before >= threshold && after < threshold;
        boolean ranOut = before > 0 && after <= 0;
        return fellBelow || ranOut;
    }

    private String text(Map<String, ?> facts) {
        try {
            return new String(json.writeValueAsBytes(facts), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write alert facts", e);
        }
    }
}

package dev.starshop.telegram.operator;

import dev.starshop.events.AlertKind;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The operator_alerts table (V20) as the chat worker sees it, and the outcome of the messages it queued. */
@Singleton
class OperatorAlertRepository {

    /** A queued message's outcome in the bot outbox. */
    record Outcome(String key, String status, String error) {
    }

    /** Reads bot_outbox (telegram.outbox's table; EventQueriesContractTest holds it to the schema). */
    static final String SETTLED_MESSAGES = """
            SELECT DISTINCT a.sent_in, o.status, o.last_error FROM operator_alerts a
            JOIN bot_outbox o ON o.dedupe_key = a.sent_in
            WHERE a.status = 'QUEUED' AND o.status IN ('SENT', 'FAILED', 'UNKNOWN')""";

    private final Sql sql;
    private final JsonMapper json;

    OperatorAlertRepository(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /**
     * Waiting alerts of the kinds the chat takes now, oldest first, locked so a second engine skips
     * them. An alert of a kind switched off since it was kept stays waiting until it is on again.
     */
    List<Alert> waiting(Collection<AlertKind> kinds, int limit) {
        return sql.list("""
                SELECT id, kind, facts::text AS facts, created_at FROM operator_alerts
                WHERE status = 'WAITING' AND kind = ANY(:kinds)
                ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""",
                Params.of("limit", limit).and("kinds", kinds.stream().map(Enum::name).toArray(String[]::new)),
                row -> new Alert(row.getLong("id"), AlertKind.valueOf(row.getString("kind")), facts(row.getString("facts")),
                        row.getInstant("created_at")));
    }

    void queued(List<Long> ids, String messageKey) {
        sql.update("UPDATE operator_alerts SET status = 'QUEUED', sent_in = :key WHERE id = ANY(:ids)",
                Params.of("key", messageKey).and("ids", ids.toArray(Long[]::new)));
    }

    /** Messages queued for the chat whose send is settled (SENT, FAILED or UNKNOWN in bot_outbox). */
    List<Outcome> settledMessages() {
        return sql.list(SETTLED_MESSAGES, Params.none(),
                row -> new Outcome(row.getString("sent_in"), row.getString("status"), row.getString("last_error")));
    }

    void sent(String messageKey, Instant now) {
        sql.update("UPDATE operator_alerts SET status = 'SENT', sent_at = :now WHERE sent_in = :key AND status = 'QUEUED'",
                Params.of("now", now).and("key", messageKey));
    }

    /** The chat refused the message: its alerts wait again (they are kept, never dropped). */
    void backToWaiting(String messageKey) {
        sql.update("UPDATE operator_alerts SET status = 'WAITING', sent_in = NULL WHERE sent_in = :key AND status = 'QUEUED'",
                Params.of("key", messageKey));
    }

    Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        sql.list("SELECT status, count(*) AS n FROM operator_alerts GROUP BY status", Params.none(),
                row -> counts.put(row.getString("status"), row.getLong("n")));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> facts(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

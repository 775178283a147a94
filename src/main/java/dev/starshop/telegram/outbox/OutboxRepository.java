package dev.starshop.telegram.outbox;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The bot_outbox table and the states of its rows (see V3 migration). */
@Singleton
class OutboxRepository {

    private static final String FINISH = settling("status = :status, finished_at = :now, last_error = :error");
    private static final String RETRY = settling("status = 'PENDING', next_attempt_at = :next, last_error = :error");
    private static final String RELEASE = settling("status = 'PENDING', attempts = attempts - 1");

    private final Sql sql;

    OutboxRepository(Sql sql) {
        this.sql = sql;
    }

    /** Many rows in one statement, in the order given; a key already there (or twice here) adds nothing. */
    void insertAll(List<NewMessage> rows) {
        sql.update("""
                INSERT INTO bot_outbox (dedupe_key, method, payload, created_at, next_attempt_at)
                SELECT m.dedupe_key, m.method, m.payload::jsonb, m.created_at::timestamptz, m.created_at::timestamptz
                FROM unnest(:keys::text[], :methods::text[], :payloads::text[], :createdAt::text[])
                     WITH ORDINALITY AS m(dedupe_key, method, payload, created_at, n)
                ORDER BY m.n
                ON CONFLICT (dedupe_key) DO NOTHING""",
                Params.of("keys", rows.stream().map(NewMessage::dedupeKey).toArray(String[]::new))
                        .and("methods", rows.stream().map(NewMessage::method).toArray(String[]::new))
                        .and("payloads", rows.stream().map(NewMessage::payload).toArray(String[]::new))
                        .and("createdAt", rows.stream().map(m -> m.now().toString()).toArray(String[]::new)));
    }

    /** A message for {@link #insertAll}. */
    record NewMessage(String dedupeKey, String method, String payload, Instant now) {
    }

    boolean insert(String dedupeKey, String method, String payload, Instant now) {
        return sql.update("""
                INSERT INTO bot_outbox (dedupe_key, method, payload, created_at, next_attempt_at)
                VALUES (:dedupeKey, :method, :payload::jsonb, :now, :now)
                ON CONFLICT (dedupe_key) DO NOTHING""",
                Params.of("dedupeKey", dedupeKey).and("method", method).and("payload", payload).and("now", now)) == 1;
    }

    /**
     * Marks due rows as being sent and returns them. The claim commits before any call is made, so
     * a crash mid-call leaves the row SENDING and it is never sent a second time (an orderly stop
     * settles or {@link #release releases} every row it claimed). Oldest first: a buyer reads
     * "shipped" before "delivered" (UPDATE … RETURNING keeps no order, so the rows are sorted here).
     */
    List<OutboxEntry> claimDue(Instant now, int limit) {
        return sql.list("""
                UPDATE bot_outbox SET status = 'SENDING', attempts = attempts + 1
                WHERE id IN (SELECT id FROM bot_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now
                             ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, dedupe_key, method, payload::text AS payload, attempts""",
                Params.of("now", now).and("limit", limit),
                row -> new OutboxEntry(row.getLong("id"), row.getString("dedupe_key"), row.getString("method"),
                        row.getString("payload"), row.getInt("attempts")))
                .stream().sorted(Comparator.comparingLong(OutboxEntry::id)).toList();
    }

    /**
     * Settles a claim: the row ends in {@code status}. A claim is settled once: the statements here
     * change a row only while it is still SENDING under this claim (same attempts), so whichever of
     * the sender and a stopping engine settles it first wins, and a later claim by another engine
     * is never touched.
     */
    void finish(OutboxEntry entry, OutboxStatus status, Instant now, String error) {
        settle(FINISH, entry, Params.of("status", status).and("now", now).and("error", error));
    }

    /** Settles a claim as PENDING again at {@code next}: the call failed in a way worth repeating. */
    void retryAt(OutboxEntry entry, Instant next, String error) {
        settle(RETRY, entry, Params.of("next", next).and("error", error));
    }

    /** Hands a claimed row back unsent: PENDING again, as due as it was, its claim not counted as an attempt. */
    void release(OutboxEntry entry) {
        settle(RELEASE, entry, Params.none());
    }

    /** {@code values} are the statement's own parameters; the claim adds {@code :id} and {@code :attempts}. */
    private void settle(String statement, OutboxEntry entry, Params values) {
        sql.update(statement, values.and("id", entry.id()).and("attempts", entry.attempts()));
    }

    /** An UPDATE that changes a row only while it is still SENDING under the claim {@code :id}, {@code :attempts}. */
    private static String settling(String changes) {
        return "UPDATE bot_outbox SET " + changes + " WHERE id = :id AND status = 'SENDING' AND attempts = :attempts";
    }

    record OutboxEntry(long id, String dedupeKey, String method, String payload, int attempts) {
    }
}

package dev.starshop.telegram.outbox;

import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The bot_outbox table and the states of its rows (see V3 migration). */
@Singleton
class OutboxRepository {

    private final Sql sql;

    OutboxRepository(Sql sql) {
        this.sql = sql;
    }

    boolean insert(String dedupeKey, String method, String payload, Instant now) {
        return sql.update("""
                INSERT INTO bot_outbox (dedupe_key, method, payload, created_at, next_attempt_at)
                VALUES (?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (dedupe_key) DO NOTHING""", s -> {
                    s.setString(1, dedupeKey);
                    s.setString(2, method);
                    s.setString(3, payload);
                    s.setTimestamp(4, Timestamp.from(now));
                    s.setTimestamp(5, Timestamp.from(now));
                }) == 1;
    }

    /**
     * Marks due rows as being sent and returns them. The claim commits before any call is made, so
     * a crash mid-call leaves the row SENDING and it is never sent a second time (an orderly stop
     * settles or {@link #release releases} every row it claimed).
     */
    List<OutboxEntry> claimDue(Instant now, int limit) {
        return sql.list("""
                UPDATE bot_outbox SET status = 'SENDING', attempts = attempts + 1
                WHERE id IN (SELECT id FROM bot_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?
                             ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, dedupe_key, method, payload::text, attempts""", s -> {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setInt(2, limit);
                }, row -> new OutboxEntry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getInt(5)));
    }

    /**
     * Settles a claim: the row ends in {@code status}. A claim is settled once: the statements here
     * change a row only while it is still SENDING under this claim (same attempts), so whichever of
     * the sender and a stopping engine settles it first wins, and a later claim by another engine
     * is never touched.
     */
    void finish(OutboxEntry entry, OutboxStatus status, Instant now, String error) {
        settle("status = ?, finished_at = ?, last_error = ?", entry, s -> {
            s.setString(1, status.name());
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, error);
        });
    }

    /** Settles a claim as PENDING again at {@code next}: the call failed in a way worth repeating. */
    void retryAt(OutboxEntry entry, Instant next, String error) {
        settle("status = 'PENDING', next_attempt_at = ?, last_error = ?", entry, s -> {
            s.setTimestamp(1, Timestamp.from(next));
            s.setString(2, error);
        });
    }

    /** Hands a claimed row back unsent: PENDING again, as due as it was, its claim not counted as an attempt. */
    void release(OutboxEntry entry) {
        settle("status = 'PENDING', attempts = attempts - 1", entry, Sql.Binder.NONE);
    }

    /** {@code changes} binds its own parameters first; the claim's id and attempts follow. */
    private void settle(String changes, OutboxEntry entry, Sql.Binder values) {
        int claimParameters = (int) changes.chars().filter(c -> c == '?').count();
        sql.update("UPDATE bot_outbox SET " + changes + " WHERE id = ? AND status = 'SENDING' AND attempts = ?",
                s -> {
                    values.bind(s);
                    s.setLong(claimParameters + 1, entry.id());
                    s.setInt(claimParameters + 2, entry.attempts());
                });
    }

    record OutboxEntry(long id, String dedupeKey, String method, String payload, int attempts) {
    }
}

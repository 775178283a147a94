package dev.starshop.telegram.updates;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The {@code parked_updates} table: updates set aside after failing every attempt, kept as they arrived. */
@Singleton
class ParkedUpdates {

    private final Sql sql;

    ParkedUpdates(Sql sql) {
        this.sql = sql;
    }

    /** Stores the update unless it is already parked (a redelivery of a parked update changes nothing). */
    void park(ParkedUpdate update) {
        sql.update("""
                INSERT INTO parked_updates (update_id, source, kind, attempts, problem, reason, payload, parked_at)
                VALUES (:updateId, :source, :kind, :attempts, :problem, :reason, :payload, :parkedAt)
                ON CONFLICT (update_id) DO NOTHING""",
                Params.of("updateId", update.updateId()).and("source", update.source()).and("kind", update.kind())
                        .and("attempts", update.attempts()).and("problem", update.problem())
                        .and("reason", update.reason()).and("payload", update.payload())
                        .and("parkedAt", update.parkedAt()));
    }

    boolean isParked(long updateId) {
        return sql.one("SELECT 1 FROM parked_updates WHERE update_id = :updateId", Params.of("updateId", updateId),
                row -> true).isPresent();
    }

    /** Newest first; {@code processed} when the inbox holds the update too (a later delivery went through). */
    List<ParkedUpdate.View> newest(int limit) {
        return sql.list("""
                SELECT p.update_id, p.source, p.kind, p.attempts, p.problem, p.reason, p.payload, p.parked_at,
                       EXISTS (SELECT 1 FROM telegram_updates t WHERE t.update_id = p.update_id) AS processed
                FROM parked_updates p ORDER BY p.parked_at DESC, p.update_id DESC LIMIT :limit""",
                Params.of("limit", limit),
                row -> new ParkedUpdate.View(row.getLong("update_id"), row.getString("source"), row.getString("kind"),
                        row.getInt("attempts"), row.getString("problem"), row.getString("reason"),
                        row.getInstant("parked_at"), row.getBoolean("processed"),
                        new String(row.getBytes("payload"), StandardCharsets.UTF_8)));
    }

    /**
     * An update set aside.
     *
     * @param kind    the update's first field after {@code update_id} ("message", "pre_checkout_query", …)
     * @param problem the problem code of the last failure, or {@code internal-error}
     * @param reason  what went wrong the last time, without the update's content
     */
    record ParkedUpdate(long updateId, UpdateSource source, String kind, int attempts, String problem, String reason,
                        byte[] payload, Instant parkedAt) {

        /** What an operator sees; {@code payload} decoded as UTF-8 (the table keeps the exact bytes). */
        @Serdeable
        record View(long updateId, String source, String kind, int attempts, String problem, String reason,
                    Instant parkedAt, boolean processed, String payload) {
        }
    }
}

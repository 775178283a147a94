package dev.starshop.telegram.updates;

import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

/** The update inbox table: one row per {@code update_id}, ever. */
@Singleton
class InboxRepository {

    private final Sql sql;

    InboxRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Stores the update unless it is already there. A concurrent delivery of the same update waits
     * on the primary key until the first commits, then finds it present: false.
     */
    boolean insertIfNew(ClassifiedUpdate update, UpdateSource source, byte[] payload, Instant receivedAt) {
        return sql.update("""
                INSERT INTO telegram_updates (update_id, kind, source, received_at, payload)
                VALUES (?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (update_id) DO NOTHING""", s -> {
                    s.setLong(1, update.updateId());
                    s.setString(2, update.kind());
                    s.setString(3, source.name());
                    s.setTimestamp(4, Timestamp.from(receivedAt));
                    s.setString(5, new String(payload, StandardCharsets.UTF_8));
                }) == 1;
    }
}

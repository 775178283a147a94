package dev.starshop.telegram.updates;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The update inbox table: one row per {@code update_id}, ever. */
@Singleton
class InboxRepository {

    private final Sql sql;

    InboxRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * The JSON escape for NUL (backslash, "u0000") after an even number of backslashes, so it is an
     * escape and not the text of an escaped backslash.
     */
    private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    /**
     * Stores the update unless it is already there. A concurrent delivery of the same update waits
     * on the primary key until the first commits, then finds it present: false.
     */
    boolean insertIfNew(ClassifiedUpdate update, UpdateSource source, byte[] payload, Instant receivedAt) {
        return sql.update("""
                INSERT INTO telegram_updates (update_id, kind, source, received_at, payload)
                VALUES (:updateId, :kind, :source, :receivedAt, :payload::jsonb)
                ON CONFLICT (update_id) DO NOTHING""",
                Params.of("updateId", update.updateId()).and("kind", update.kind()).and("source", source)
                        .and("receivedAt", receivedAt)
                        .and("payload", storable(new String(payload, StandardCharsets.UTF_8)))) == 1;
    }

    /**
     * Stores, in one statement, those of {@code updates} that are not there yet, in the given order
     * (callers give {@code update_id} order, so concurrent batches take the rows' locks in one order);
     * returns the ids it stored. Each update id must appear once. A concurrent delivery of one of
     * them waits on the primary key until the first commits, then finds it present.
     */
    Set<Long> insertAllNew(List<InboxWrites.Arrival> updates, Instant receivedAt) {
        Long[] ids = updates.stream().map(a -> a.update().updateId()).toArray(Long[]::new);
        String[] kinds = updates.stream().map(a -> a.update().kind()).toArray(String[]::new);
        String[] sources = updates.stream().map(a -> a.source().name()).toArray(String[]::new);
        String[] payloads = updates.stream().map(a -> storable(new String(a.payload(), StandardCharsets.UTF_8)))
                .toArray(String[]::new);
        return Set.copyOf(sql.list("""
                INSERT INTO telegram_updates (update_id, kind, source, received_at, payload)
                SELECT u.update_id, u.kind, u.source, :receivedAt, u.payload::jsonb
                FROM unnest(:ids::bigint[], :kinds::text[], :sources::text[], :payloads::text[])
                     WITH ORDINALITY AS u(update_id, kind, source, payload, n)
                ORDER BY u.n
                ON CONFLICT (update_id) DO NOTHING
                RETURNING update_id""",
                Params.of("ids", ids).and("kinds", kinds).and("sources", sources).and("payloads", payloads)
                        .and("receivedAt", receivedAt), row -> row.getLong("update_id")));
    }

    /**
     * PostgreSQL's jsonb refuses the NUL escape (a character a user could type); the stored copy
     * gets U+FFFD instead, so such an update is kept and acknowledged rather than failing with 500
     * on every redelivery. Handlers still see the update as delivered. The pattern only runs on
     * the rare update that has the escape at all.
     */
    static String storable(String json) {
        if (!json.contains("\\u0000")) {
            return json;
        }
        return NUL_ESCAPE.matcher(json).replaceAll("$1\\\\uFFFD");
    }
}

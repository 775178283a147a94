package dev.starshop.events;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The event_endpoints table (V20). */
@Singleton
class EndpointRepository {

    private static final String COLUMNS = "id, url, secret, origin, enabled, created_at";

    private final Sql sql;

    EndpointRepository(Sql sql) {
        this.sql = sql;
    }

    List<EventEndpoint> enabled() {
        return sql.list("SELECT " + COLUMNS + " FROM event_endpoints WHERE enabled ORDER BY id", Params.none(),
                EndpointRepository::endpoint);
    }

    List<EventEndpoint> all() {
        return sql.list("SELECT " + COLUMNS + " FROM event_endpoints ORDER BY id", Params.none(),
                EndpointRepository::endpoint);
    }

    Optional<EventEndpoint> find(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM event_endpoints WHERE id = :id", Params.of("id", id),
                EndpointRepository::endpoint);
    }

    Optional<EventEndpoint> byUrl(String url) {
        return sql.one("SELECT " + COLUMNS + " FROM event_endpoints WHERE url = :url", Params.of("url", url),
                EndpointRepository::endpoint);
    }

    /** Adds the endpoint, or enables the one with this URL again (keeping its secret); returns it. */
    EventEndpoint upsert(String url, String secret, EventEndpoint.Origin origin, Instant now) {
        sql.update("""
                INSERT INTO event_endpoints (url, secret, origin, enabled, created_at)
                VALUES (:url, :secret, :origin, TRUE, :now)
                ON CONFLICT (url) DO UPDATE SET enabled = TRUE, origin = EXCLUDED.origin""",
                Params.of("url", url).and("secret", secret).and("origin", origin).and("now", now));
        return byUrl(url).orElseThrow();
    }

    void setSecret(long id, String secret) {
        sql.update("UPDATE event_endpoints SET secret = :secret WHERE id = :id",
                Params.of("secret", secret).and("id", id));
    }

    /** Configured endpoints no longer in the configuration stop receiving (their history stays). */
    void disableConfiguredExcept(List<String> urls) {
        sql.update("UPDATE event_endpoints SET enabled = FALSE WHERE origin = 'CONFIG' AND NOT (url = ANY(:urls))",
                Params.of("urls", urls.toArray(String[]::new)));
    }

    void disableBuiltInsExcept(String url) {
        sql.update("UPDATE event_endpoints SET enabled = FALSE WHERE origin = 'SANDBOX' AND url <> :url",
                Params.of("url", url));
    }

    void disable(long id) {
        sql.update("UPDATE event_endpoints SET enabled = FALSE WHERE id = :id", Params.of("id", id));
    }

    private static EventEndpoint endpoint(Row row) throws SQLException {
        return new EventEndpoint(row.getLong("id"), row.getString("url"), row.getString("secret"),
                EventEndpoint.Origin.valueOf(row.getString("origin")), row.getBoolean("enabled"),
                row.getInstant("created_at"));
    }
}

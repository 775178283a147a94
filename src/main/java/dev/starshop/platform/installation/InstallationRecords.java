package dev.starshop.platform.installation;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** The {@code installation_owners} table: the newest row says whose books these are. */
@Singleton
class InstallationRecords {

    /** "StarInst" as a number: engines starting together on a new database record one owner. */
    private static final long LOCK_KEY = 0x53746172_496E7374L;

    private final Sql sql;

    InstallationRecords(Sql sql) {
        this.sql = sql;
    }

    record Recorded(Owner owner, Instant since) {
    }

    /** The current owner, after recording {@code starting} if the database has none yet. */
    @Transactional
    Recorded currentOrClaim(Owner starting) {
        lockUntilCommit();
        return current().orElseGet(() -> record(starting, false));
    }

    @Transactional
    Recorded adopt(Owner newOwner) {
        lockUntilCommit();
        return record(newOwner, true);
    }

    private void lockUntilCommit() {
        sql.list("SELECT pg_advisory_xact_lock(:key)", Params.of("key", LOCK_KEY), row -> null);
    }

    private Optional<Recorded> current() {
        return sql.one("SELECT bot_id, recorded_at FROM installation_owners ORDER BY id DESC LIMIT 1",
                Params.none(), row -> {
                    Long botId = row.getLongOrNull("bot_id");
                    Owner owner = botId == null ? Owner.SANDBOX : new Owner(botId);
                    return new Recorded(owner, row.getInstant("recorded_at"));
                });
    }

    private Recorded record(Owner owner, boolean adopted) {
        sql.update("INSERT INTO installation_owners (mode, bot_id, adopted) VALUES (:mode, :botId, :adopted)",
                Params.of("mode", owner.mode()).and("botId", owner.botId()).and("adopted", adopted));
        return current().orElseThrow();
    }
}

package dev.starshop.backoffice.reconciliation;

import dev.starshop.platform.db.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** reconciliation_runs and reconciliation_findings; each call commits on its own. */
@Singleton
class ReconciliationRepository {

    private static final String RUN_COLUMNS = "id, trigger, started_at, finished_at, status, transactions_seen, "
            + "matched, recorded, flagged, failure";

    private final Sql sql;

    ReconciliationRepository(Sql sql) {
        this.sql = sql;
    }

    @Transactional
    long start(String trigger, Instant startedAt) {
        return sql.one("INSERT INTO reconciliation_runs (trigger, started_at, status) VALUES (?, ?, 'RUNNING') "
                + "RETURNING id", s -> {
                    s.setString(1, trigger);
                    s.setTimestamp(2, Timestamp.from(startedAt));
                }, row -> row.getLong(1)).orElseThrow();
    }

    @Transactional
    void addFinding(long runId, Finding finding) {
        sql.update("INSERT INTO reconciliation_findings (run_id, kind, telegram_payment_charge_id, detail, action) "
                + "VALUES (?, ?, ?, ?, ?)", s -> {
                    s.setLong(1, runId);
                    s.setString(2, finding.kind().name());
                    s.setString(3, finding.telegramPaymentChargeId());
                    s.setString(4, finding.detail());
                    s.setString(5, finding.action().name());
                });
    }

    /** @param failure null when the run succeeded */
    @Transactional
    void finish(long runId, Instant finishedAt, RunCounts counts, String failure) {
        sql.update("UPDATE reconciliation_runs SET finished_at = ?, status = ?, transactions_seen = ?, matched = ?, "
                + "recorded = ?, flagged = ?, failure = ? WHERE id = ?", s -> {
                    s.setTimestamp(1, Timestamp.from(finishedAt));
                    s.setString(2, failure == null ? "SUCCEEDED" : "FAILED");
                    s.setInt(3, counts.seen());
                    s.setInt(4, counts.matched());
                    s.setInt(5, counts.recorded());
                    s.setInt(6, counts.flagged());
                    s.setString(7, failure);
                    s.setLong(8, runId);
                });
    }

    @Transactional(readOnly = true)
    List<ReconciliationRun> latest(int limit) {
        return sql.list("SELECT " + RUN_COLUMNS + " FROM reconciliation_runs ORDER BY id DESC LIMIT ?",
                s -> s.setInt(1, limit), row -> run(row, List.of()));
    }

    @Transactional(readOnly = true)
    Optional<ReconciliationRun> find(long id) {
        List<Finding> findings = sql.list("SELECT kind, telegram_payment_charge_id, detail, action "
                        + "FROM reconciliation_findings WHERE run_id = ? ORDER BY id", s -> s.setLong(1, id),
                row -> new Finding(FindingKind.valueOf(row.getString(1)), row.getString(2), row.getString(3),
                        FindingAction.valueOf(row.getString(4))));
        return sql.one("SELECT " + RUN_COLUMNS + " FROM reconciliation_runs WHERE id = ?", s -> s.setLong(1, id),
                row -> run(row, findings));
    }

    private static ReconciliationRun run(ResultSet row, List<Finding> findings) throws SQLException {
        Timestamp finished = row.getTimestamp(4);
        return new ReconciliationRun(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(),
                finished == null ? null : finished.toInstant(), row.getString(5), row.getInt(6), row.getInt(7),
                row.getInt(8), row.getInt(9), row.getString(10), findings);
    }
}

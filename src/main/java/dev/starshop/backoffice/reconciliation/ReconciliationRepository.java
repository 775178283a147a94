package dev.starshop.backoffice.reconciliation;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
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
        return sql.one("INSERT INTO reconciliation_runs (trigger, started_at, status) "
                        + "VALUES (:trigger, :startedAt, 'RUNNING') RETURNING id",
                Params.of("trigger", trigger).and("startedAt", startedAt), row -> row.getLong("id")).orElseThrow();
    }

    @Transactional
    void addFinding(long runId, Finding finding) {
        sql.update("INSERT INTO reconciliation_findings (run_id, kind, telegram_payment_charge_id, detail, action) "
                        + "VALUES (:runId, :kind, :chargeId, :detail, :action)",
                Params.of("runId", runId).and("kind", finding.kind())
                        .and("chargeId", finding.telegramPaymentChargeId()).and("detail", finding.detail())
                        .and("action", finding.action()));
    }

    /** @param failure null when the run succeeded */
    @Transactional
    void finish(long runId, Instant finishedAt, RunCounts counts, String failure) {
        sql.update("""
                UPDATE reconciliation_runs SET finished_at = :finishedAt, status = :status,
                       transactions_seen = :seen, matched = :matched, recorded = :recorded, flagged = :flagged,
                       failure = :failure
                WHERE id = :id""", Params.of("finishedAt", finishedAt)
                .and("status", failure == null ? "SUCCEEDED" : "FAILED").and("seen", counts.seen())
                .and("matched", counts.matched()).and("recorded", counts.recorded()).and("flagged", counts.flagged())
                .and("failure", failure).and("id", runId));
    }

    @Transactional(readOnly = true)
    List<ReconciliationRun> latest(int limit) {
        return sql.list("SELECT " + RUN_COLUMNS + " FROM reconciliation_runs ORDER BY id DESC LIMIT :limit",
                Params.of("limit", limit), row -> run(row, List.of()));
    }

    @Transactional(readOnly = true)
    Optional<ReconciliationRun> find(long id) {
        List<Finding> findings = sql.list("SELECT kind, telegram_payment_charge_id, detail, action "
                        + "FROM reconciliation_findings WHERE run_id = :runId ORDER BY id", Params.of("runId", id),
                row -> new Finding(FindingKind.valueOf(row.getString("kind")),
                        row.getString("telegram_payment_charge_id"), row.getString("detail"),
                        FindingAction.valueOf(row.getString("action"))));
        return sql.one("SELECT " + RUN_COLUMNS + " FROM reconciliation_runs WHERE id = :id", Params.of("id", id),
                row -> run(row, findings));
    }

    private static ReconciliationRun run(Row row, List<Finding> findings) throws SQLException {
        return new ReconciliationRun(row.getLong("id"), row.getString("trigger"), row.getInstant("started_at"),
                row.getInstant("finished_at"), row.getString("status"), row.getInt("transactions_seen"),
                row.getInt("matched"), row.getInt("recorded"), row.getInt("flagged"), row.getString("failure"),
                findings);
    }
}

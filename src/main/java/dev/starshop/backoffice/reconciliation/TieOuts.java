package dev.starshop.backoffice.reconciliation;

import dev.starshop.money.StarQuantity;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Computes and keeps tie-outs (table stars_tie_outs). */
@Singleton
class TieOuts {

    private static final String COLUMNS = "id, run_id, trigger, checked_at, telegram_nanostars, ledger_nanostars, "
            + "difference_nanostars, explained_nanostars, status, explanation::text AS explanation";

    private final Sql sql;
    private final JsonMapper json;

    TieOuts(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** The ledger's Stars position: what it says Telegram holds for the shop, fractions included. */
    @Transactional(readOnly = true)
    StarQuantity ledgerPosition() {
        return new StarQuantity(sql.one("""
                SELECT coalesce(sum(amount::numeric * 1000000000 + nanos), 0)::bigint AS nanostars
                FROM ledger_postings WHERE currency = 'XTR' AND account = 'telegram_stars_receivable'""",
                Params.none(), row -> row.getLong("nanostars")).orElse(0L));
    }

    /** Compares, stores and answers the tie-out; {@code unbooked} is what the run could not book. */
    @Transactional
    TieOut record(long runId, String trigger, Instant at, StarQuantity telegram, StarQuantity ledger, List<Unbooked> unbooked) {
        StarQuantity difference = telegram.minus(ledger);
        StarQuantity explained = unbooked.stream().map(Unbooked::effect).reduce(StarQuantity.ZERO, StarQuantity::plus);
        String status = difference.isZero() ? "TIED" : difference.equals(explained) ? "EXPLAINED" : "NOT_TIED";
        List<TieOut.Explanation> explanation = difference.isZero() ? List.of() : unbooked.stream()
                .map(u -> new TieOut.Explanation(u.telegramId(), u.kind(), u.effect().decimalText(),
                        u.effect().nanostars(), u.reason())).toList();
        long id = sql.one("""
                INSERT INTO stars_tie_outs (run_id, trigger, checked_at, telegram_nanostars, ledger_nanostars,
                                            difference_nanostars, explained_nanostars, status, explanation)
                VALUES (:runId, :trigger, :at, :telegram, :ledger, :difference, :explained, :status, :explanation::jsonb)
                RETURNING id""", Params.of("runId", runId).and("trigger", trigger).and("at", at).and("telegram", telegram.nanostars())
                .and("ledger", ledger.nanostars()).and("difference", difference.nanostars())
                .and("explained", explained.nanostars()).and("status", status)
                .and("explanation", write(explanation)), row -> row.getLong("id")).orElseThrow();
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<TieOut> latest(int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM stars_tie_outs ORDER BY id DESC LIMIT :limit",
                Params.of("limit", limit), this::read);
    }

    @Transactional(readOnly = true)
    Optional<TieOut> find(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM stars_tie_outs WHERE id = :id", Params.of("id", id), this::read);
    }

    private TieOut read(Row row) throws SQLException {
        StarQuantity difference = new StarQuantity(row.getLong("difference_nanostars"));
        StarQuantity explained = new StarQuantity(row.getLong("explained_nanostars"));
        return new TieOut(row.getLong("id"), row.getLong("run_id"), row.getString("trigger"), row.getInstant("checked_at"),
                new StarQuantity(row.getLong("telegram_nanostars")).decimalText(),
                new StarQuantity(row.getLong("ledger_nanostars")).decimalText(), difference.decimalText(),
                explained.decimalText(), difference.nanostars(), difference.minus(explained).nanostars(),
                row.getString("status"), parse(row.getString("explanation")));
    }

    private String write(List<TieOut.Explanation> explanation) {
        try {
            return json.writeValueAsString(explanation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<TieOut.Explanation> parse(String text) {
        try {
            return json.readValue(text, Argument.listOf(TieOut.Explanation.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

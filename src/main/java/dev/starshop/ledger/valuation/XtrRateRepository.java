package dev.starshop.ledger.valuation;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@code xtr_rates} and the checks a new rate needs; rows are only ever inserted. */
@Singleton
class XtrRateRepository {

    private static final String COLUMNS = "id, currency, effective_on, rate, source, reference, created_at";

    private final Sql sql;

    XtrRateRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Waits for every transaction that is valuing Stars to commit and holds new valuations back until
     * this one ends, so the check of {@link #lockedInSpan} stays true while the rate goes in. Two rate
     * entries wait for each other too.
     */
    void holdValuations() {
        sql.update("LOCK TABLE stars_valuations IN SHARE ROW EXCLUSIVE MODE", Params.none());
    }

    /**
     * Whether a rate for {@code day} would change the rate in force for something already locked: a
     * valued Stars transaction or a revaluation dated from {@code day} up to the next later rate.
     */
    boolean lockedInSpan(String currency, LocalDate day) {
        return sql.one("""
                WITH next AS (SELECT min(effective_on) AS day FROM xtr_rates
                              WHERE currency = :currency AND effective_on > :day)
                SELECT EXISTS (SELECT 1 FROM stars_valuations v, next
                               WHERE v.currency = :currency AND v.value_date >= :day
                                 AND (next.day IS NULL OR v.value_date < next.day))
                    OR EXISTS (SELECT 1 FROM stars_revaluations r, next
                               WHERE r.currency = :currency AND r.as_of >= :day
                                 AND (next.day IS NULL OR r.as_of < next.day)) AS locked""",
                Params.of("currency", currency).and("day", day), row -> row.getBoolean("locked")).orElse(false);
    }

    /** The new rate, or empty when the day already has one. */
    Optional<XtrRate> insert(String currency, NewRate rate, Instant now) {
        return sql.one("""
                INSERT INTO xtr_rates (currency, effective_on, rate, source, reference, created_at)
                VALUES (:currency, :day, :rate, :source, :reference, :now)
                ON CONFLICT (currency, effective_on) DO NOTHING
                RETURNING\s""" + COLUMNS, Params.of("currency", currency).and("day", rate.effectiveOn())
                .and("rate", rate.rate()).and("source", rate.source()).and("reference", rate.reference())
                .and("now", now), XtrRateRepository::read);
    }

    List<XtrRate> list(String currency, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM xtr_rates WHERE currency = :currency "
                + "ORDER BY effective_on DESC LIMIT :limit", Params.of("currency", currency).and("limit", limit),
                XtrRateRepository::read);
    }

    /** Stars a succeeded withdrawal moved, in nanostars, by Telegram's transaction id; empty if not booked. */
    Optional<Long> withdrawnNanostars(String telegramId) {
        return sql.one("""
                SELECT sum(p.amount::numeric * 1000000000 + p.nanos)::bigint AS nanostars
                FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id
                WHERE t.external_key = :key AND p.account = 'stars_withdrawn'
                HAVING count(*) > 0""", Params.of("key", "withdrawal-succeeded:" + telegramId),
                row -> row.getLong("nanostars"));
    }

    private static XtrRate read(Row row) throws SQLException {
        return XtrRate.of(row.getLong("id"), row.getString("currency"),
                row.getLocalDate("effective_on"),
                row.getBigDecimal("rate"), RateSource.valueOf(row.getString("source")), row.getString("reference"),
                row.getInstant("created_at"));
    }
}

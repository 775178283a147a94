package dev.starshop.ledger.valuation;

import dev.starshop.money.StarQuantity;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Dated revaluations of the Stars position: a record of its own (never a change to a locked valuation),
 * one per reporting currency and day, in date order. Not posted to the ledger: the ledger keeps Stars in
 * XTR, and the difference is for the books kept in the reporting currency (docs/accounting.md).
 */
@Singleton
public class Revaluations {

    private static final String COLUMNS = "id, currency, as_of, rate, rate_date, position_nanostars, "
            + "unvalued_nanostars, carrying_amount, revalued_amount, difference_amount, created_at";

    private final Sql sql;
    private final XtrRateRepository rates;
    private final ReportingCurrency reporting;
    private final Clock clock;

    Revaluations(Sql sql, XtrRateRepository rates, ReportingCurrency reporting, Clock clock) {
        this.sql = sql;
        this.rates = rates;
        this.reporting = reporting;
        this.clock = clock;
    }

    @Transactional
    public Revaluation revalue(LocalDate asOf) {
        String currency = reporting.currency().code();
        rates.holdValuations();
        sql.one("SELECT as_of FROM stars_revaluations WHERE currency = :currency ORDER BY as_of DESC LIMIT 1",
                Params.of("currency", currency), row -> row.getLocalDate("as_of"))
                .filter(last -> !last.isBefore(asOf))
                .ifPresent(last -> {
                    throw new ProblemException(ProblemCode.INVALID_STATE, "Revaluations go forward in time: the "
                            + "last one is as of " + last, Map.of("lastAsOf", last.toString()));
                });
        RateInForce rate = sql.one("""
                SELECT id, rate, effective_on FROM xtr_rates WHERE currency = :currency AND effective_on <= :asOf
                ORDER BY effective_on DESC LIMIT 1""", Params.of("currency", currency).and("asOf", asOf),
                row -> new RateInForce(row.getLong("id"), row.getBigDecimal("rate"), row.getLocalDate("effective_on")))
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_STATE, "No " + currency
                        + " rate is in force on " + asOf + "; enter one first"));
        return insert(currency, asOf, rate);
    }

    @Transactional(readOnly = true)
    public List<Revaluation> latest(int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM stars_revaluations WHERE currency = :currency "
                        + "ORDER BY as_of DESC LIMIT :limit",
                Params.of("currency", reporting.currency().code()).and("limit", Math.max(1, Math.min(limit, 1000))),
                Revaluations::read);
    }

    private Revaluation insert(String currency, LocalDate asOf, RateInForce rate) {
        return sql.one("""
                WITH prior AS (
                    SELECT coalesce(sum(difference_amount), 0) AS differences FROM stars_revaluations
                    WHERE currency = :currency AND as_of < :asOf
                ), held AS (
                    SELECT p.amount::numeric * 1000000000 + p.nanos AS nanostars,
                           v.transaction_id IS NOT NULL AS valued, pv.fiat_amount
                    FROM ledger_postings p
                    JOIN ledger_transactions t ON t.id = p.transaction_id
                    LEFT JOIN stars_valuations v ON v.transaction_id = t.id AND v.currency = :currency
                    LEFT JOIN stars_posting_values pv ON pv.posting_id = p.id AND v.transaction_id IS NOT NULL
                    WHERE p.currency = 'XTR' AND p.account IN ('telegram_stars_receivable', 'stars_in_transit')
                      AND t.occurred_at < :end
                ), totals AS (
                    SELECT coalesce(sum(nanostars), 0) AS position,
                           coalesce(sum(nanostars) FILTER (WHERE NOT valued), 0) AS unvalued,
                           coalesce(sum(fiat_amount) FILTER (WHERE valued), 0) AS carrying
                    FROM held
                ), amounts AS (
                    SELECT position::bigint AS position, unvalued::bigint AS unvalued,
                           (carrying + prior.differences)::bigint AS carrying,
                           round((position - unvalued) * :rate * :minorPerUnit / 1000000000)::bigint AS revalued
                    FROM totals, prior
                )
                INSERT INTO stars_revaluations (currency, as_of, rate_id, rate, rate_date, position_nanostars,
                                                unvalued_nanostars, carrying_amount, revalued_amount,
                                                difference_amount, created_at)
                SELECT :currency, :asOf, :rateId, :rate, :rateDate, position, unvalued, carrying, revalued,
                       revalued - carrying, :now
                FROM amounts
                RETURNING\s""" + COLUMNS, Params.of("currency", currency).and("asOf", asOf)
                .and("end", asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .and("rateId", rate.id()).and("rate", rate.rate()).and("rateDate", rate.effectiveOn())
                .and("minorPerUnit", reporting.minorPerUnit())
                .and("now", clock.instant().truncatedTo(ChronoUnit.MICROS)), Revaluations::read).orElseThrow();
    }

    private static Revaluation read(Row row) throws SQLException {
        return new Revaluation(row.getLong("id"), row.getString("currency"), row.getLocalDate("as_of"),
                row.getBigDecimal("rate").toPlainString(), row.getLocalDate("rate_date"),
                new StarQuantity(row.getLong("position_nanostars")).decimalText(),
                new StarQuantity(row.getLong("unvalued_nanostars")).decimalText(), row.getLong("carrying_amount"),
                row.getLong("revalued_amount"), row.getLong("difference_amount"), row.getInstant("created_at"));
    }

    private record RateInForce(long id, BigDecimal rate, LocalDate effectiveOn) {
    }
}

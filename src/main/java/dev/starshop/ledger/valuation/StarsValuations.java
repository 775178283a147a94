package dev.starshop.ledger.valuation;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import dev.starshop.platform.db.WriteBehind;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Locks the rate in force onto Stars ledger transactions, once: a {@code stars_valuations} row (rate,
 * rate date, source) and each posting's value in the reporting currency ({@code stars_posting_values}),
 * written by one statement. The rate in force for a transaction is the reporting currency's rate with
 * the latest {@code effective_on} on or before the transaction's UTC day. Without one nothing is
 * written: the transaction stays unvalued until a rate for its day is entered ({@link #valueFrom}).
 *
 * <p>Posting values use cumulative rounding: the k-th posting's value is round(S_k) − round(S_{k−1}),
 * S_k the exact value of the first k postings (by posting id), PostgreSQL's {@code round} (half away from
 * zero). Each value is within one minor unit of its exact value and a transaction's values sum to
 * zero, as its postings do.
 */
@Singleton
public class StarsValuations {

    private static final String VALUE = """
            WITH targets AS (
                SELECT t.id, (t.occurred_at AT TIME ZONE 'UTC')::date AS day, r.id AS rate_id, r.rate,
                       r.effective_on, r.source
                FROM ledger_transactions t
                CROSS JOIN LATERAL (
                    SELECT x.id, x.rate, x.effective_on, x.source FROM xtr_rates x
                    WHERE x.currency = :currency AND x.effective_on <= (t.occurred_at AT TIME ZONE 'UTC')::date
                    ORDER BY x.effective_on DESC LIMIT 1) r
                WHERE t.currency = 'XTR' AND %s
                  AND NOT EXISTS (SELECT 1 FROM stars_valuations v WHERE v.transaction_id = t.id)
            ), valued AS (
                INSERT INTO stars_valuations (transaction_id, currency, value_date, exponent, rate_id, rate,
                                              rate_date, rate_source, valued_at)
                SELECT id, :currency, day, :exponent, rate_id, rate, effective_on, source, :now FROM targets
                RETURNING transaction_id, rate
            ), exact AS (
                SELECT p.id, p.transaction_id,
                       (p.amount::numeric * 1000000000 + p.nanos) * v.rate * :minorPerUnit / 1000000000 AS value
                FROM ledger_postings p JOIN valued v ON v.transaction_id = p.transaction_id
            ), running AS (
                SELECT id, transaction_id, value,
                       sum(value) OVER (PARTITION BY transaction_id ORDER BY id) AS upto
                FROM exact
            )
            INSERT INTO stars_posting_values (posting_id, transaction_id, fiat_amount)
            SELECT id, transaction_id, (round(upto) - round(upto - value))::bigint FROM running""";

    private static final String ONE = VALUE.formatted("t.id = :transactionId");
    private static final String MANY = VALUE.formatted("t.id = ANY(:transactionIds)");
    private static final String FROM_DAY = VALUE.formatted("t.occurred_at >= :from");

    private final Sql sql;
    private final ReportingCurrency reporting;
    private final Clock clock;
    private final WriteBehind writeBehind;
    private final WriteBehind.Table<Long> lateValuations = this::lockAll;

    StarsValuations(Sql sql, ReportingCurrency reporting, Clock clock, WriteBehind writeBehind) {
        this.sql = sql;
        this.reporting = reporting;
        this.clock = clock;
        this.writeBehind = writeBehind;
    }

    /**
     * Values one Stars transaction just posted, if a rate is in force for its day (the booking path).
     * In a shared (group) commit the transactions are valued together just before it commits, by one
     * statement ({@link WriteBehind}): nothing in that transaction reads valuations back.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void lock(long transactionId) {
        if (!writeBehind.offer(lateValuations, transactionId)) {
            sql.update(ONE, common().and("transactionId", transactionId));
        }
    }

    /**
     * {@link #lock} for many Stars transactions just posted, now, in one statement (the ledger's
     * transactions written together at the end of a shared commit).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void lockAll(List<Long> transactionIds) {
        sql.update(MANY, common().and("transactionIds", transactionIds.toArray(Long[]::new)));
    }

    /**
     * Values every unvalued Stars transaction from {@code day} on that now has a rate in force: called
     * when a rate for {@code day} is entered. Returns the number of postings valued.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    int valueFrom(LocalDate day) {
        return sql.update(FROM_DAY, common().and("from", day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private Params common() {
        return Params.of("currency", reporting.currency().code())
                .and("exponent", reporting.currency().exponent())
                .and("minorPerUnit", reporting.minorPerUnit())
                .and("now", clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}

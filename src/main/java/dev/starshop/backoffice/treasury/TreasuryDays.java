package dev.starshop.backoffice.treasury;

import dev.starshop.money.StarQuantity;
import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Row;
import dev.starshop.platform.db.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * The treasury per day from the ledger's Stars postings (nanostars exact). Held Stars follow
 * Telegram's rule as configured: each Star earned becomes withdrawable {@code hold-days} after the
 * day it was earned; what was spent or withdrawn since is taken from the withdrawable part first.
 */
@Singleton
class TreasuryDays {

    /** The ledger kinds whose receivable debits are Stars earned (not a withdrawal's return). */
    private static final String EARNED = "('PAYMENT', 'RENEWAL', 'PAID_MEDIA', 'AFFILIATE_INCOME')";
    private static final String QUERY = """
            WITH days AS (SELECT d::date AS day FROM generate_series(:from::date, :to::date, interval '1 day') AS d),
            stars AS (SELECT (t.occurred_at AT TIME ZONE 'UTC')::date AS day, t.kind, p.account,
                             p.amount::numeric * 1000000000 + p.nanos AS nanostars
                      FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
                      WHERE p.currency = 'XTR')
            SELECT days.day::text AS day,
                   (SELECT coalesce(sum(nanostars), 0) FROM stars s WHERE s.day = days.day
                       AND s.account = 'telegram_stars_receivable' AND s.nanostars > 0
                       AND s.kind IN EARNED_KINDS)::bigint AS earned,
                   (SELECT coalesce(sum(nanostars), 0) FROM stars s WHERE s.day > days.day - :holdDays
                       AND s.day <= days.day AND s.account = 'telegram_stars_receivable' AND s.nanostars > 0
                       AND s.kind IN EARNED_KINDS)::bigint AS earned_in_hold,
                   (SELECT coalesce(sum(nanostars), 0) FROM stars s WHERE s.day <= days.day
                       AND s.account = 'telegram_stars_receivable')::bigint AS position,
                   (SELECT coalesce(sum(nanostars), 0) FROM stars s WHERE s.day <= days.day
                       AND s.account = 'stars_in_transit')::bigint AS in_transit,
                   (SELECT coalesce(sum(nanostars), 0) FROM stars s WHERE s.day = days.day
                       AND s.account = 'stars_withdrawn')::bigint AS withdrawn
            FROM days ORDER BY days.day""".replace("EARNED_KINDS", EARNED);

    private final Sql sql;
    private final TreasurySettings settings;

    TreasuryDays(Sql sql, TreasurySettings settings) {
        this.sql = sql;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    List<TreasuryDay> between(LocalDate from, LocalDate to) {
        return sql.list(QUERY, Params.of("from", from.toString()).and("to", to.toString()).and("holdDays", settings.holdDays()),
                TreasuryDays::day);
    }

    private static TreasuryDay day(Row row) throws SQLException {
        long position = Math.max(0, row.getLong("position"));
        long held = Math.min(position, row.getLong("earned_in_hold"));
        return new TreasuryDay(LocalDate.parse(row.getString("day")), stars(row.getLong("earned")), stars(row.getLong("position")),
                stars(held), stars(position - held), stars(row.getLong("in_transit")), stars(row.getLong("withdrawn")));
    }

    private static String stars(long nanostars) {
        return new StarQuantity(nanostars).decimalText();
    }
}

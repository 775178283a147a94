package dev.starshop.backoffice.reconciliation;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * One comparison of Telegram's balance ({@code getMyStarBalance}) with the ledger's Stars position
 * (the balance of {@code telegram_stars_receivable} in XTR). Quantities are exact decimal Stars
 * ("12.5") with the same value in nanostars beside them.
 *
 * @param difference Telegram's balance minus the ledger's position
 * @param explained  the part of the difference the listed entries account for
 * @param status     TIED (no difference), EXPLAINED (the entries account for all of it) or NOT_TIED
 */
@Serdeable
public record TieOut(long id, long runId, String trigger, Instant checkedAt, String telegramBalance, String ledgerPosition,
                     String difference, String explained, long differenceNanostars, long unexplainedNanostars,
                     String status, List<Explanation> explanation) {

    /** One entry behind the difference; {@code effect} is how far it puts Telegram above the ledger. */
    @Serdeable
    public record Explanation(String telegramId, String kind, String effect, long effectNanostars, String reason) {
    }
}

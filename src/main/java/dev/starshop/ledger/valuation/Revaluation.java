package dev.starshop.ledger.valuation;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The Stars Telegram holds or has in transit at the end of {@code asOf} (UTC), valued again at the rate
 * in force that day. Amounts are minor units of {@code currency}; Stars are exact decimal strings.
 *
 * @param position        Stars in {@code telegram_stars_receivable} and {@code stars_in_transit}
 * @param unvalued        the part of the position booked without a rate; left out of both values
 * @param carryingAmount  the valued position at its locked values, plus earlier revaluations' differences
 * @param revaluedAmount  the valued position at {@code rate}
 * @param differenceAmount revalued − carrying: an unrealised exchange gain (positive) or loss
 */
@Serdeable
public record Revaluation(long id, String currency, LocalDate asOf, String rate, LocalDate rateDate,
                          String position, String unvalued, long carryingAmount, long revaluedAmount,
                          long differenceAmount, Instant createdAt) {
}

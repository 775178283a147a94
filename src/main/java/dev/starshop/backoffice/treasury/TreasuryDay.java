package dev.starshop.backoffice.treasury;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * One UTC day of the Stars treasury, as exact decimal Stars ("12.5"), from the ledger.
 *
 * @param earned       Stars that came in that day (sales, paid media, renewals, affiliate income)
 * @param position     Stars the ledger says Telegram holds at the end of the day (telegram_stars_receivable)
 * @param held         the part of {@code position} earned less than the hold ago: not yet withdrawable
 * @param withdrawable {@code position} minus {@code held} (never below zero)
 * @param inTransit    Stars on their way to Fragment at the end of the day
 * @param withdrawn    Stars Fragment confirmed that day
 */
@Serdeable
public record TreasuryDay(LocalDate day, String earned, String position, String held, String withdrawable,
                          String inTransit, String withdrawn) {
}

package dev.starshop.ledger.valuation;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A rate checked at the door ({@link RateInput}): positive, at most 12 decimals, in the reporting currency. */
record NewRate(LocalDate effectiveOn, BigDecimal rate, RateSource source, @Nullable String reference) {
}

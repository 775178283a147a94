package dev.starshop.ledger.valuation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated rate: {@code rate} units of {@code currency} per Star, in force from {@code effectiveOn}
 * until the next later rate. The rate is sent as a string so it stays exact.
 */
@Serdeable
public record XtrRate(long id, String currency, LocalDate effectiveOn, String rate, RateSource source,
                      @Nullable String reference, Instant createdAt) {

    static XtrRate of(long id, String currency, LocalDate effectiveOn, BigDecimal rate, RateSource source,
                      String reference, Instant createdAt) {
        return new XtrRate(id, currency, effectiveOn, rate.toPlainString(), source, reference, createdAt);
    }
}

package dev.starshop.ledger.valuation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A rate as the operator sends it. Numbers are strings ({@code "0.013"}) so they arrive exact.
 * {@code source} is {@code OPERATOR} (default: {@code rate} required) or {@code FRAGMENT_WITHDRAWAL}
 * ({@code withdrawalId} and {@code fiatReceived} instead of {@code rate}). Unknown members are refused.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
record RateRequest(@Nullable String effectiveOn, @Nullable String rate, @Nullable String currency,
                   @Nullable String source, @Nullable String reference, @Nullable String withdrawalId,
                   @Nullable String fiatReceived) {
}

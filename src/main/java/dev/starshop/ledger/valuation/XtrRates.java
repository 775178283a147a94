package dev.starshop.ledger.valuation;

import dev.starshop.money.StarQuantity;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dated XTR rate table: a rate is entered once and never changed, and only for a day whose rate in
 * force nothing has locked yet (docs/accounting.md, "Valuing Stars"). Entering a rate values the Stars
 * transactions that were waiting for one.
 */
@Singleton
public class XtrRates {

    static final int MAX_LIST = 1_000;

    private final XtrRateRepository rates;
    private final StarsValuations valuations;
    private final ReportingCurrency reporting;
    private final Clock clock;

    XtrRates(XtrRateRepository rates, StarsValuations valuations, ReportingCurrency reporting, Clock clock) {
        this.rates = rates;
        this.valuations = valuations;
        this.reporting = reporting;
        this.clock = clock;
    }

    /** What entering rates did: the rates, and how many postings waiting for a rate were valued. */
    @Serdeable
    public record Entered(List<XtrRate> rates, int valuedPostings) {
    }

    @Transactional
    public Entered add(NewRate rate) {
        return addAll(List.of(rate));
    }

    /** All or nothing: one refused rate refuses the whole list. */
    @Transactional
    public Entered addAll(List<NewRate> newRates) {
        requireDistinctDays(newRates);
        rates.holdValuations();
        String currency = reporting.currency().code();
        List<XtrRate> added = new ArrayList<>();
        int valued = 0;
        for (NewRate rate : newRates) {
            if (rates.lockedInSpan(currency, rate.effectiveOn())) {
                throw new ProblemException(ProblemCode.RATE_DATE_LOCKED, "The rate in force on "
                        + rate.effectiveOn() + " is already locked onto Stars transactions or a revaluation; "
                        + "a rate for that day would change them. Enter a revaluation instead.",
                        Map.of("effectiveOn", rate.effectiveOn().toString()));
            }
            added.add(rates.insert(currency, rate, clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .orElseThrow(() -> new ProblemException(ProblemCode.RATE_EXISTS, "There is already a "
                            + currency + " rate for " + rate.effectiveOn(),
                            Map.of("effectiveOn", rate.effectiveOn().toString()))));
            valued += valuations.valueFrom(rate.effectiveOn());
        }
        return new Entered(added, valued);
    }

    /**
     * The rate a succeeded Fragment withdrawal realised: {@code fiatReceived} (what reached the shop, in
     * the reporting currency) over the Stars withdrawn, to 12 decimals (half-even), in force from
     * {@code rate.effectiveOn()}.
     */
    @Transactional
    public Entered addRealised(LocalDate effectiveOn, String withdrawalId, BigDecimal fiatReceived) {
        long nanostars = rates.withdrawnNanostars(withdrawalId).orElseThrow(() -> RateInput.invalid(
                "No succeeded Fragment withdrawal " + withdrawalId + " is booked (withdrawal-succeeded:"
                        + withdrawalId + ")"));
        if (fiatReceived.signum() <= 0) {
            throw RateInput.invalid("fiatReceived must be above zero");
        }
        BigDecimal stars = BigDecimal.valueOf(nanostars, 9);
        BigDecimal rate = fiatReceived.divide(stars, RateInput.MAX_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rate.signum() <= 0 || rate.compareTo(RateInput.MAX_RATE) >= 0) {
            throw RateInput.invalid("fiatReceived over " + new StarQuantity(nanostars).decimalText()
                    + " Stars gives a rate outside (0, " + RateInput.MAX_RATE + ")");
        }
        return add(new NewRate(effectiveOn, rate.scale() < 0 ? rate.setScale(0) : rate,
                RateSource.FRAGMENT_WITHDRAWAL, "withdrawal-succeeded:" + withdrawalId + " received "
                + fiatReceived.toPlainString() + " " + reporting.currency().code()));
    }

    @Transactional(readOnly = true)
    public List<XtrRate> latest(int limit) {
        return rates.list(reporting.currency().code(), Math.max(1, Math.min(limit, MAX_LIST)));
    }

    private static void requireDistinctDays(List<NewRate> newRates) {
        Set<LocalDate> days = new HashSet<>();
        for (NewRate rate : newRates) {
            if (!days.add(rate.effectiveOn())) {
                throw RateInput.invalid("Two rates for " + rate.effectiveOn());
            }
        }
    }
}

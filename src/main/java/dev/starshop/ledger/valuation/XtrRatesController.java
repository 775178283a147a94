package dev.starshop.ledger.valuation;

import dev.starshop.money.CurrencyTable;
import dev.starshop.platform.admin.AdminOnly;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/** The XTR rate table and revaluations for the operator and the console (docs/accounting.md, "Valuing Stars"). */
@Controller("/api/admin/books")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class XtrRatesController {

    static final String TEXT_CSV = "text/csv";

    private final XtrRates rates;
    private final Revaluations revaluations;
    private final ReportingCurrency reporting;
    private final CurrencyTable currencies;

    XtrRatesController(XtrRates rates, Revaluations revaluations, ReportingCurrency reporting,
                       CurrencyTable currencies) {
        this.rates = rates;
        this.revaluations = revaluations;
        this.reporting = reporting;
        this.currencies = currencies;
    }

    @Get("/xtr-rates")
    Rates list(@QueryValue(defaultValue = "100") int limit) {
        return new Rates(reporting.currency().code(), rates.latest(limit));
    }

    @Post("/xtr-rates")
    HttpResponse<XtrRates.Entered> add(@Body RateRequest request) {
        RateInput.requireReporting(request.currency(), reporting, currencies);
        LocalDate day = RateInput.day(request.effectiveOn(), "effectiveOn");
        if (RateSource.FRAGMENT_WITHDRAWAL.name().equals(request.source())) {
            if (request.withdrawalId() == null || request.withdrawalId().isBlank() || request.rate() != null) {
                throw RateInput.invalid("A FRAGMENT_WITHDRAWAL rate takes withdrawalId and fiatReceived, not rate");
            }
            return HttpResponse.created(rates.addRealised(day, request.withdrawalId().strip(),
                    RateInput.decimal(request.fiatReceived(), "fiatReceived")));
        }
        if (request.source() != null && !RateSource.OPERATOR.name().equals(request.source())) {
            throw RateInput.invalid("source must be OPERATOR or FRAGMENT_WITHDRAWAL (CSV_IMPORT: POST xtr-rates.csv)");
        }
        return HttpResponse.created(rates.add(new NewRate(day, RateInput.rate(request.rate(), "rate"),
                RateSource.OPERATOR, RateInput.reference(request.reference()))));
    }

    /** A CSV of rates (see {@link RateCsv}), all or nothing. */
    @Post(uri = "/xtr-rates.csv", consumes = TEXT_CSV)
    HttpResponse<XtrRates.Entered> importCsv(@Body @Nullable byte[] body) {
        List<NewRate> parsed = RateCsv.read(body == null ? new byte[0] : body).stream().map(row -> {
            String where = "row " + row.number() + ": ";
            RateInput.requireReporting(row.currency(), reporting, currencies);
            return new NewRate(RateInput.day(row.effectiveOn(), where + "effective_on"),
                    RateInput.rate(row.rate(), where + "rate"), RateSource.CSV_IMPORT,
                    RateInput.reference(row.reference()));
        }).toList();
        return HttpResponse.created(rates.addAll(parsed));
    }

    @Get("/revaluations")
    List<Revaluation> revaluations(@QueryValue(defaultValue = "100") int limit) {
        return revaluations.latest(limit);
    }

    @Post("/revaluations")
    HttpResponse<Revaluation> revalue(@Body RevaluationRequest request) {
        return HttpResponse.created(revaluations.revalue(RateInput.day(request.asOf(), "asOf")));
    }

    @Serdeable
    record Rates(String reportingCurrency, List<XtrRate> rates) {
    }

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = false)
    record RevaluationRequest(@Nullable String asOf) {
    }
}
